package io.mops.qa.clearance;

/**
 * When a campaign is cleared for launch (issue 15, launch control): only by a run of its current content — its
 * newest run — that passed, or that needed a person's approval and got it. Any newer run that does not pass ends an
 * earlier clearance, whatever changed (the content, or only the rule set): the newest run is what the campaign is now.
 */
public final class ClearanceRule {

    /** What a stored run or a decision does to the campaign's clearance. */
    public enum Change { CLEAR, REVOKE, NONE }

    private ClearanceRule() {
    }

    /**
     * @param verdict the new run's verdict ({@code pass}, {@code needs-approval}, {@code blocked})
     * @param cleared whether the campaign is cleared now (by an earlier run)
     */
    public static Change afterRun(String verdict, boolean cleared) {
        if ("pass".equals(verdict)) {
            return Change.CLEAR;
        }
        return cleared ? Change.REVOKE : Change.NONE;
    }

    /**
     * @param granted whether people granted the run's launch (rejections, requested changes and expiries do not)
     * @param newest  whether the run is still the campaign's newest: a grant for content replaced since clears nothing
     */
    public static Change afterDecision(boolean granted, boolean newest) {
        return granted && newest ? Change.CLEAR : Change.NONE;
    }

    /**
     * The CoE dismissed needs-review findings of a run, and the run was judged again without them.
     *
     * @param verdict          the run's verdict now
     * @param newest           whether the run is still the campaign's newest
     * @param clearedByThisRun whether the campaign is cleared by this very run already (people granted its launch)
     */
    public static Change afterDismissal(String verdict, boolean newest, boolean clearedByThisRun) {
        return "pass".equals(verdict) && newest && !clearedByThisRun ? Change.CLEAR : Change.NONE;
    }
}
