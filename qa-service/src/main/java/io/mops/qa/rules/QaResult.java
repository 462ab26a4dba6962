package io.mops.qa.rules;

import java.util.List;
import java.util.stream.Stream;

/**
 * QA's answer for one campaign: the verdict, the risk index (0 = nothing found, towards 100 = many distinct serious
 * issues; an index, not a probability, see {@link RiskScore}), and every finding in report order.
 */
public record QaResult(Verdict verdict, int riskScore, String ruleSet, int ruleSetVersion, List<Finding> findings) {

    public QaResult {
        findings = List.copyOf(findings);
    }

    /** This result with findings from checks outside the rule engine (brand voice), verdict and score redone. */
    public QaResult with(List<Finding> more, RuleBook.RiskWeights weights) {
        if (more.isEmpty()) {
            return this;
        }
        List<Finding> all = Stream.concat(findings.stream(), more.stream())
                .sorted(Finding.REPORT_ORDER).toList();
        return new QaResult(Verdict.of(all), RiskScore.of(all, weights), ruleSet, ruleSetVersion, all);
    }

    /** The distinct issues behind the risk index: each rule once per severity it reported at. */
    public int distinctIssues() {
        return RiskScore.issues(findings).size();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
