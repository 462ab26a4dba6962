package io.mops.approval.routing;

/** What one approver says about a request. */
public enum Verdict {
    GRANT,
    REJECT,
    /** Neither yes nor no: the requester should change the request first (a comment says what). */
    REQUEST_CHANGES
}
