package io.mops.budget.activation;

/** What a request does on the platform. */
public enum ActivationKind {
    /** Set the campaign's daily budget. */
    BUDGET,
    /** Stop the campaign's delivery (its spend). */
    PAUSE,
    /** Let a paused campaign deliver again. */
    RESUME,
    /** Enable an experiment's winning variant's ad. */
    ENABLE_AD,
    /** Pause a losing variant's ad. */
    PAUSE_AD
}
