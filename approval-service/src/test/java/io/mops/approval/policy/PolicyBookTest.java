package io.mops.approval.policy;

import io.mops.approval.directory.GroupMembers;
import io.mops.common.problem.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyBookTest {

    private static final Set<String> KINDS = Set.of("ReallocationProposal", "CampaignLaunch");
    private static final Map<String, Set<String>> GROUPS = Map.of(
            "brand", Set.of("alice", "nina", "lena"), "legal", Set.of("nina", "omar"),
            "finance", Set.of("alice", "omar"), "coe-leads", Set.of("lena", "omar"));
    private static final GroupMembers DIRECTORY = g -> Optional.ofNullable(GROUPS.get(g));
    private static final PolicyBook.Fallback FALLBACK = new PolicyBook.Fallback(new BigDecimal("10000"), "approver", null);

    static PolicyDocument.Match match(List<String> kinds, List<String> channels, String above, String upTo) {
        return new PolicyDocument.Match(kinds, channels, above == null && upTo == null ? null : "EUR",
                above == null ? null : new BigDecimal(above), upTo == null ? null : new BigDecimal(upTo),
                null, null, null, null);
    }

    static PolicyDocument route(String name, int precedence, PolicyDocument.Match match, PolicyDocument.Stage... stages) {
        return new PolicyDocument(name, null, precedence, match, PolicyDocument.Action.ROUTE, List.of(stages), null,
                null, null);
    }

    static PolicyDocument.Stage stage(String name, String quorum, String... groups) {
        return new PolicyDocument.Stage(name, List.of(groups), quorum, null, null, null);
    }

    private static RequestFacts budget(String amount, String channel) {
        return new RequestFacts("ReallocationProposal", channel, new BigDecimal(amount), "EUR", null, null, Set.of());
    }

    @Test
    void theHighestPrecedenceMatchingPolicyDecidesAndTheFallbackCatchesTheRest() {
        PolicyBook book = new PolicyBook(List.of(
                new PolicyBook.Versioned(route("big-moves", 10, match(List.of("ReallocationProposal"), null, "10000", null),
                        stage("finance", "2", "finance")), 3),
                new PolicyBook.Versioned(route("search-moves", 20, match(List.of("ReallocationProposal"), List.of("search"),
                        null, null), stage("brand", "1", "brand")), 1)), FALLBACK);

        assertEquals("search-moves v1", book.choose(budget("50000", "search")).label());
        assertEquals("big-moves v3", book.choose(budget("10000.01", "social")).label());
        // 10,000 itself is not above 10,000: the fallback, one approver (not above its own threshold either).
        PolicyBook.Choice fallback = book.choose(budget("10000", "social"));
        assertTrue(fallback.fallback());
        assertEquals("1", fallback.policy().stages().getFirst().quorum());
        assertEquals("2", book.choose(new RequestFacts("CampaignLaunch", null, new BigDecimal("10000.5"), "USD",
                null, null, Set.of())).policy().stages().getFirst().quorum());
        assertEquals(List.of("approver"), fallback.policy().stages().getFirst().groups());
    }

    @Test
    void riskCategoriesAndVerdictsMatchAsWritten() {
        PolicyDocument.Match health = new PolicyDocument.Match(List.of("CampaignLaunch"), null, null, null, null,
                40, null, List.of("needs-approval"), List.of("health-claim", "financial-claim"));
        assertTrue(PolicyMatch.matches(health, new RequestFacts("CampaignLaunch", "email", null, null, 40,
                "needs-approval", Set.of("tone", "health-claim"))));
        assertFalse(PolicyMatch.matches(health, new RequestFacts("CampaignLaunch", "email", null, null, 39,
                "needs-approval", Set.of("health-claim"))));
        assertFalse(PolicyMatch.matches(health, new RequestFacts("CampaignLaunch", "email", null, null, 80,
                "needs-approval", Set.of("tone"))));
        assertFalse(PolicyMatch.matches(health, new RequestFacts("CampaignLaunch", "email", null, null, null,
                "needs-approval", Set.of("health-claim"))), "no score never meets a score condition");
        assertFalse(PolicyMatch.matches(health, new RequestFacts("ReallocationProposal", "email", null, null, 80,
                "needs-approval", Set.of("health-claim"))));
    }

    @Test
    void overlapIsDecidedBySomeRequestMatchingBoth() {
        PolicyDocument.Match upTo5k = match(List.of("ReallocationProposal"), null, null, "5000");
        PolicyDocument.Match above5k = match(List.of("ReallocationProposal"), null, "5000", null);
        PolicyDocument.Match above4k = match(List.of("ReallocationProposal"), null, "4000", null);
        assertFalse(PolicyMatch.overlap(upTo5k, above5k), "(.., 5000] and (5000, ..) share no amount");
        assertTrue(PolicyMatch.overlap(upTo5k, above4k), "4000.01 matches both");
        assertFalse(PolicyMatch.overlap(match(List.of("ReallocationProposal"), List.of("search"), null, null),
                match(List.of("ReallocationProposal"), List.of("social"), null, null)));
        assertFalse(PolicyMatch.overlap(match(List.of("CampaignLaunch"), null, null, null),
                match(List.of("ReallocationProposal"), null, null, null)));
        assertTrue(PolicyMatch.overlap(match(List.of("CampaignLaunch"), List.of("email"), null, null),
                match(List.of("CampaignLaunch"), null, null, null)), "no channel condition means every channel");
        // Brute force over a grid of requests agrees with the interval reasoning for amount conditions.
        for (String[] pair : new String[][]{{null, "5000", "5000", null}, {"1000", "3000", "2999", null},
                {"1000", "3000", "3000", "9000"}, {null, null, "1", "2"}}) {
            PolicyDocument.Match a = match(List.of("ReallocationProposal"), null, pair[0], pair[1]);
            PolicyDocument.Match b = match(List.of("ReallocationProposal"), null, pair[2], pair[3]);
            boolean some = false;
            for (int cents = 0; cents <= 1_000_000; cents += 1) {
                RequestFacts r = budget(BigDecimal.valueOf(cents, 2).toPlainString(), "search");
                if (PolicyMatch.matches(a, r) && PolicyMatch.matches(b, r)) {
                    some = true;
                    break;
                }
            }
            assertEquals(some, PolicyMatch.overlap(a, b), String.join(",", java.util.Arrays.toString(pair)));
        }
    }

    private static List<String> fields(List<Problem.Violation> violations) {
        return violations.stream().map(Problem.Violation::field).toList();
    }

    @Test
    void aPolicyWithUnknownKindsGroupsOrATooLargeQuorumNamesTheField() {
        PolicyBook book = new PolicyBook(List.of(), FALLBACK);
        PolicyDocument bad = route("bad", 1, match(List.of("ReallocationProposal", "Coffee"), null, null, null),
                stage("legal", "3", "legal"), stage("ghosts", "1", "ghosts"));
        List<Problem.Violation> violations = book.check(bad, KINDS, DIRECTORY);
        assertEquals(List.of("match.kinds[1]", "stages[0].quorum", "stages[1].groups[0]"), fields(violations));
        assertTrue(violations.get(1).message().contains("above the 2 member(s)"), violations.get(1).message());
        assertTrue(book.check(route("ok", 1, match(List.of("CampaignLaunch"), null, null, null),
                stage("legal", "2", "legal"), stage("all-brand", "all", "brand")), KINDS, DIRECTORY).isEmpty());
        // A quorum over two groups counts people once: finance and legal are alice, nina and omar.
        assertTrue(book.check(route("two-groups", 1, match(List.of("CampaignLaunch"), null, null, null),
                stage("both", "3", "finance", "legal")), KINDS, DIRECTORY).isEmpty());
        assertEquals(List.of("stages[0].quorum"), fields(book.check(route("two-groups", 1,
                match(List.of("CampaignLaunch"), null, null, null), stage("both", "4", "finance", "legal")),
                KINDS, DIRECTORY)));
    }

    @Test
    void overlappingPoliciesNeedDifferentPrecedences() {
        PolicyBook book = new PolicyBook(List.of(new PolicyBook.Versioned(route("big", 10,
                match(List.of("ReallocationProposal"), null, "10000", null), stage("f", "1", "finance")), 1)), FALLBACK);
        PolicyDocument huge = route("huge", 10, match(List.of("ReallocationProposal"), null, "50000", null),
                stage("f", "2", "finance"));
        assertEquals(List.of("precedence"), fields(book.check(huge, KINDS, DIRECTORY)));
        assertTrue(book.check(route("huge", 11, huge.match(), stage("f", "2", "finance")), KINDS, DIRECTORY).isEmpty());
        // A new version of the same policy does not overlap itself.
        assertTrue(book.check(route("big", 10, huge.match(), stage("f", "2", "finance")), KINDS, DIRECTORY).isEmpty());
    }

    @Test
    void grantOnExpiryOnlyForALowRiskPolicyWithAnExpiry() {
        PolicyBook book = new PolicyBook(List.of(), FALLBACK);
        PolicyDocument.Match anyLaunch = match(List.of("CampaignLaunch"), null, null, null);
        PolicyDocument risky = new PolicyDocument("lax", null, 1, anyLaunch, PolicyDocument.Action.ROUTE,
                List.of(stage("b", "1", "brand")), null, Duration.ofDays(1), PolicyDocument.OnExpiry.GRANT);
        assertEquals(List.of("onExpiry"), fields(book.check(risky, KINDS, DIRECTORY)));
        PolicyDocument.Match lowRisk = new PolicyDocument.Match(List.of("CampaignLaunch"), null, null, null, null,
                null, 20, null, null);
        PolicyDocument safe = new PolicyDocument("lax", null, 1, lowRisk, PolicyDocument.Action.ROUTE,
                List.of(stage("b", "1", "brand")), null, Duration.ofDays(1), PolicyDocument.OnExpiry.GRANT);
        assertTrue(book.check(safe, KINDS, DIRECTORY).isEmpty());
        PolicyDocument noExpiry = new PolicyDocument("lax", null, 1, lowRisk, PolicyDocument.Action.ROUTE,
                List.of(stage("b", "1", "brand")), null, null, PolicyDocument.OnExpiry.GRANT);
        assertEquals(List.of("expiresAfter"), fields(book.check(noExpiry, KINDS, DIRECTORY)));
    }
}
