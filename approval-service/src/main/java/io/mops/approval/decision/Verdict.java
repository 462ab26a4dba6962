package io.mops.approval.decision;

/** What one approver says about a request. */
public enum Verdict { GRANT, REJECT }
