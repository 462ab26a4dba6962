package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    private static Finding finding(String ruleId, Severity severity, String field) {
        return new Finding(ruleId, "mops-default", 1, severity, Location.field(field), "message", "hint");
    }

    @Test
    void theRiskIndexCombinesTheWeightsOfDistinctIssues() {
        // three rules: 1 - (1 - 0.5)(1 - 0.15)(1 - 0.02) = 1 - 0.5 * 0.85 * 0.98 = 0.5835
        assertEquals(58, RiskScore.of(List.of(finding("email.postal-address", Severity.BLOCK, "html"),
                finding("a11y.link-text", Severity.WARN, "html"), finding("a11y.html-lang", Severity.INFO, "html")),
                WEIGHTS));
        // two warnings of two rules: 1 - 0.85^2 = 0.2775
        assertEquals(28, RiskScore.of(List.of(finding("a11y.link-text", Severity.WARN, "html"),
                finding("tracking.utm-lowercase", Severity.WARN, "trackingLinks[0]")), WEIGHTS));
    }

    @Test
    void repeatedFindingsOfOneRuleAreOneIssue() {
        // 40 vague links are listed as 25 findings and one that sums up the other 15; counted per finding they would
        // score 1 - 0.85^26 = 98, as if the campaign had 26 independent problems. They are one issue: 15.
        List<Finding> vagueLinks = new java.util.ArrayList<>();
        for (int i = 0; i < 26; i++) {
            vagueLinks.add(finding("a11y.link-text", Severity.WARN, "html a:nth-child(" + i + ")"));
        }
        assertEquals(15, RiskScore.of(vagueLinks, WEIGHTS));
        assertEquals(1, RiskScore.issues(vagueLinks).size());
        assertEquals(RiskScore.of(vagueLinks.subList(0, 1), WEIGHTS), RiskScore.of(vagueLinks, WEIGHTS));
    }

    @Test
    void oneRuleAtTwoSeveritiesIsTwoIssues() {
        // an unsubstantiated "free" (warn) and "cure" twice (block) weigh as a warning and a block of two rules
        List<Finding> claims = List.of(finding("claims.substantiation", Severity.WARN, "subject"),
                finding("claims.substantiation", Severity.BLOCK, "html"),
                finding("claims.substantiation", Severity.BLOCK, "plainText"));
        assertEquals(2, RiskScore.issues(claims).size());
        assertEquals(RiskScore.of(List.of(finding("a", Severity.WARN, "subject"), finding("b", Severity.BLOCK, "html")),
                WEIGHTS), RiskScore.of(claims, WEIGHTS));
        assertTrue(RiskScore.of(claims, WEIGHTS) > RiskScore.of(claims.subList(1, 3), WEIGHTS));
    }

    @Test
    void theIndexGrowsWithEveryDistinctIssueButNeverPassesAHundred() {
        List<Finding> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            blocks.add(finding("rule-" + i, Severity.BLOCK, "name"));
        }
        assertEquals(100, RiskScore.of(blocks, WEIGHTS), "rounded: 1 - 0.5^12 = 0.99976");
        assertEquals(99, RiskScore.of(blocks.subList(0, 7), WEIGHTS));
        assertEquals(50, RiskScore.of(blocks.subList(0, 1), WEIGHTS));
        assertEquals(8, RiskScore.of(List.of(finding("a", Severity.INFO, "name"), finding("b", Severity.INFO, "name"),
                finding("c", Severity.INFO, "name"), finding("d", Severity.INFO, "name")), WEIGHTS),
                "four infos (1 - 0.98^4 = 0.078) stay far below one block");
    }
}
