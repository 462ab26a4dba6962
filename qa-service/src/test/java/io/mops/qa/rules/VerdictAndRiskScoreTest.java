package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerdictAndRiskScoreTest {

    private static final RuleBook.RiskWeights WEIGHTS = new RuleBook.RiskWeights(0.02, 0.15, 0.5);

    private static Finding finding(Severity severity) {
        return new Finding("rule", "mops-default", 1, severity, Location.field("name"), "message", "hint");
    }

    @Test
    void noFindingsPassWithZeroRisk() {
        assertEquals(Verdict.PASS, Verdict.of(List.of()));
        assertEquals(0, RiskScore.of(List.of(), WEIGHTS));
    }

    @Test
    void infosAloneStillPass() {
        assertEquals(Verdict.PASS, Verdict.of(List.of(finding(Severity.INFO), finding(Severity.INFO))));
    }

    @Test
    void anyWarningNeedsApprovalAndAnyBlockBlocks() {
        assertEquals(Verdict.NEEDS_APPROVAL, Verdict.of(List.of(finding(Severity.INFO), finding(Severity.WARN))));
        assertEquals(Verdict.BLOCKED, Verdict.of(List.of(finding(Severity.WARN), finding(Severity.BLOCK))));
    }

    @Test
    void riskIsTheChanceThatAtLeastOneFindingCausesHarm() {
        // 1 - (1 - 0.5)(1 - 0.15)(1 - 0.02) = 1 - 0.5 * 0.85 * 0.98 = 0.5835
        assertEquals(58, RiskScore.of(List.of(finding(Severity.BLOCK), finding(Severity.WARN), finding(Severity.INFO)), WEIGHTS));
        // two warnings: 1 - 0.85^2 = 0.2775
        assertEquals(28, RiskScore.of(List.of(finding(Severity.WARN), finding(Severity.WARN)), WEIGHTS));
    }

    @Test
    void riskGrowsWithEveryFindingButNeverReachesAHundred() {
        List<Finding> many = java.util.Collections.nCopies(12, finding(Severity.BLOCK));
        int score = RiskScore.of(many, WEIGHTS);
        assertEquals(100, score, "rounded: 1 - 0.5^12 = 0.99976");
        assertEquals(99, RiskScore.of(java.util.Collections.nCopies(7, finding(Severity.BLOCK)), WEIGHTS));
    }
}
