package io.mops.qa.rules;

import java.util.List;

/**
 * QA's answer for one campaign: the verdict, how risky the campaign looks overall (0 = nothing found, towards 100 =
 * many serious findings), and every finding in report order.
 */
public record QaResult(Verdict verdict, int riskScore, String ruleSet, int ruleSetVersion, List<Finding> findings) {

    public QaResult {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
