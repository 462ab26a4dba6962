package io.mops.qa.rules;

import java.util.Comparator;

/**
 * One thing QA found wrong (or worth knowing) about a campaign.
 *
 * @param ruleId         the rule that produced it, e.g. {@code email.unsubscribe-link}
 * @param ruleSet        the rule set the rule was read from
 * @param ruleSetVersion the version of that rule set: rules are data, and a finding must say which data judged it
 * @param fixHint        what the channel team should change
 * @param needsReview    the check could not decide (a link that timed out): a person must look, and the CoE may
 *                       dismiss the finding with a reason once someone has
 */
public record Finding(String ruleId, String ruleSet, int ruleSetVersion, Severity severity, Location location,
                      String message, String fixHint, boolean needsReview) {

    /** A finding the check decided on. */
    public Finding(String ruleId, String ruleSet, int ruleSetVersion, Severity severity, Location location,
                   String message, String fixHint) {
        this(ruleId, ruleSet, ruleSetVersion, severity, location, message, fixHint, false);
    }

    /** Most severe first, then by rule and location, so that the same input always lists the same way. */
    public static final Comparator<Finding> REPORT_ORDER = Comparator.comparing(Finding::severity).reversed()
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::location)
            .thenComparing(Finding::message);
}
