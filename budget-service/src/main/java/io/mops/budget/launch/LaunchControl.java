package io.mops.budget.launch;

/**
 * What budget-service does about campaigns that QA has not cleared for launch ({@code mops.budget.launch-control}).
 */
public enum LaunchControl {
    /** No budget above 0 for an uncleared campaign (409), and its spend is flagged as under {@link #FLAG}. */
    ENFORCE,
    /** Uncleared campaigns are funded, but their spend opens an {@code uncleared-spend} anomaly and an Incident. */
    FLAG,
    /** Clearances are recorded and shown; nothing is refused or flagged. */
    OFF;

    public boolean flagsSpend() {
        return this != OFF;
    }

    public boolean refusesFunding() {
        return this == ENFORCE;
    }
}
