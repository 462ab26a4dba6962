package io.mops.budget.activation;

/** What a request does on the platform. */
public enum ActivationKind {
    /** Set the campaign's daily budget. */
    BUDGET,
    /** Stop the campaign's delivery (its spend). */
    PAUSE,
    /** Let a paused campaign deliver again. */
    RESUME
}
