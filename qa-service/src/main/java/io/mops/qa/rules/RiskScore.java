package io.mops.qa.rules;

import java.util.Collection;

/**
 * Combines findings into one 0–100 figure. Each finding is read as an independent chance that the campaign causes
 * harm (its severity's weight from the rule set); the score is the chance that at least one does, in percent.
 * Unlike a capped sum, it keeps growing with every finding yet never passes 100, and one block always outweighs a
 * few infos.
 */
public final class RiskScore {

    private RiskScore() {
    }

    public static int of(Collection<Finding> findings, RuleBook.RiskWeights weights) {
        double allHarmless = 1.0;
        for (Finding finding : findings) {
            allHarmless *= 1.0 - weights.of(finding.severity());
        }
        return (int) Math.round(100.0 * (1.0 - allHarmless));
    }
}
