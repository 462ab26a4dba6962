package io.mops.qa.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the CoE's dismissals do to a run's verdict. Only a finding that says it needs review can be dismissed (someone
 * looked at what the check could not decide), and never a block: a check that cannot decide reports at most a
 * warning, and a block is a failure the check did decide. A dismissed finding no longer counts; the findings that
 * remain are judged by the same rule as the run itself ({@link Verdict#of}). So a dismissal can take a needs-approval
 * run to a pass when it removes its last warning, and can never take a blocked run anywhere.
 */
public final class Dismissals {

    private Dismissals() {
    }

    /** Whether the CoE may dismiss {@code finding}. */
    public static boolean dismissible(Finding finding) {
        return finding.needsReview() && finding.severity() != Severity.BLOCK;
    }

    /**
     * @param findings  the run's findings in report order, as stored
     * @param dismissed positions in {@code findings} of the dismissed ones
     * @throws IllegalArgumentException if a position is outside the list or names a finding that cannot be dismissed
     */
    public static Verdict verdictWithout(List<Finding> findings, Set<Integer> dismissed) {
        for (int index : dismissed) {
            if (index < 0 || index >= findings.size() || !dismissible(findings.get(index))) {
                throw new IllegalArgumentException("finding " + index + " cannot be dismissed");
            }
        }
        List<Finding> standing = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            if (!dismissed.contains(i)) {
                standing.add(findings.get(i));
            }
        }
        return Verdict.of(standing);
    }
}
