package io.mops.budget.guard;

/** What the service does on its own when a detector fires, before a person looks. */
public enum ContainmentAction {
    /** Only the {@code AnomalyDetected} event: people are told, nothing is stopped. */
    ALERT_ONLY,
    /** The channel's per-channel kill switch: no autonomous move (reallocation or exploration) touches it. */
    FREEZE_CHANNEL,
    /** {@code CampaignSpendPaused} for every running campaign of the channel, for the ad-platform connectors. */
    PAUSE_CAMPAIGN_SPEND,
    /**
     * testing-service pauses the channel's running experiments when it hears the {@code ContainmentApplied}; they
     * resume when a person lifts the containment ({@code ContainmentLifted}).
     */
    PAUSE_EXPERIMENT,
    /**
     * Rolls back the last applied budget move that changed the channel (the same rollback a person makes) and freezes
     * the channel's autonomous moves as {@link #FREEZE_CHANNEL} does, so that the loop does not make the move again
     * before a person has looked. Lifting it lifts the freeze; the rolled-back move stays rolled back.
     */
    ROLL_BACK_LAST_MOVE
}
