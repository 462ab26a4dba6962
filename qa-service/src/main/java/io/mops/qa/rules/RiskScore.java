package io.mops.qa.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The risk index: one 0–100 figure that orders campaigns by how many distinct issues QA found and how severe they
 * are. It is an index, not a probability — nothing records which launches went on to cause harm, so there is
 * nothing to calibrate a chance against, and 50 does not mean "a 50 % chance of harm".
 *
 * <p>An issue is a rule that found something, at one severity: twelve vague "click here" links are one issue (the
 * rule lists at most 25 findings and sums up the rest in one more, so counting findings would count that cap), a
 * warned "free" and a blocked "cure" from the claims rule are two. Each distinct issue i carries the rule set's
 * weight w<sub>i</sub> for its severity, and the index is round(100 × (1 − Π(1 − w<sub>i</sub>))): 0 with no issue,
 * growing with every further issue and with its severity, never past 100, and one block always above a handful of
 * infos.
 */
public final class RiskScore {

    private RiskScore() {
    }

    public static int of(Collection<Finding> findings, RuleBook.RiskWeights weights) {
        double untouched = 1.0;
        for (Issue issue : issues(findings)) {
            untouched *= 1.0 - weights.of(issue.severity());
        }
        return (int) Math.round(100.0 * (1.0 - untouched));
    }

    /** The distinct issues among the findings: each rule once per severity it reported at. */
    public static Set<Issue> issues(Collection<Finding> findings) {
        Set<Issue> issues = new LinkedHashSet<>();
        for (Finding finding : findings) {
            issues.add(new Issue(finding.ruleId(), finding.severity()));
        }
        return issues;
    }

    /** A rule that found something, at one severity. */
    public record Issue(String ruleId, Severity severity) {
    }
}
