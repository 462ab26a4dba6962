package io.mops.budget.pacing;

/** Where the projected end-of-period spend lands against the tolerance band around the budget. */
public enum PacingState {
    ON_PACE,
    /** Projected to overspend by more than the tolerance: the budget will run out early. */
    OVERPACING,
    /** Projected to leave more than the tolerance unspent. */
    UNDERPACING;

    public boolean needsAlert() {
        return this != ON_PACE;
    }
}
