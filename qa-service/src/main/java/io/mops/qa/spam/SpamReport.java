package io.mops.qa.spam;

import java.util.List;

/**
 * What spamd said of a message: its score, the score spamd itself counts as spam (its {@code required_score}, shown
 * for reference; the rule set's thresholds judge), and every rule that fired with its points.
 */
public record SpamReport(double score, double spamdThreshold, List<FiredRule> rules) {

    public SpamReport {
        rules = List.copyOf(rules);
    }

    /** A SpamAssassin rule that matched, e.g. {@code MISSING_DATE} 2.7 "Missing Date: header". */
    public record FiredRule(String name, double points, String description) {
    }
}
