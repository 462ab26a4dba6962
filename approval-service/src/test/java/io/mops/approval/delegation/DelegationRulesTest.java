package io.mops.approval.delegation;

import io.mops.common.problem.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelegationRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Optional<Set<String>> BRAND = Optional.of(Set.of("alice", "nina", "lena"));

    private static DelegationRules.Span span(String from, String to, int days) {
        return new DelegationRules.Span(from, to, "brand", TODAY, TODAY.plusDays(days));
    }

    private static List<String> fields(List<Problem.Violation> violations) {
        return violations.stream().map(Problem.Violation::field).toList();
    }

    @Test
    void aMemberDelegatesToAColleagueOfTheSameGroup() {
        assertTrue(DelegationRules.check(span("alice", "lena", 3), Set.of("brand"), BRAND, List.of(), TODAY).isEmpty());
    }

    @Test
    void notToOneselfNorOutsideTheGroupNorForAGroupOneIsNotIn() {
        assertEquals(List.of("delegate"), fields(DelegationRules.check(span("alice", "alice", 1), Set.of("brand"),
                BRAND, List.of(), TODAY)));
        assertEquals(List.of("delegate"), fields(DelegationRules.check(span("alice", "omar", 1), Set.of("brand"),
                BRAND, List.of(), TODAY)));
        assertEquals(List.of("group"), fields(DelegationRules.check(span("omar", "alice", 1), Set.of("legal"),
                BRAND, List.of(), TODAY)));
        assertEquals(List.of("group"), fields(DelegationRules.check(span("alice", "lena", 1), Set.of("brand"),
                Optional.empty(), List.of(), TODAY)));
        assertEquals(List.of("to"), fields(DelegationRules.check(new DelegationRules.Span("alice", "lena", "brand",
                TODAY, TODAY.minusDays(1)), Set.of("brand"), BRAND, List.of(), TODAY)));
    }

    @Test
    void noChains() {
        List<DelegationRules.Span> lenaAway = List.of(new DelegationRules.Span("lena", "nina", "brand",
                TODAY.plusDays(2), TODAY.plusDays(4)));
        assertEquals(List.of("delegate"), fields(DelegationRules.check(span("alice", "lena", 3), Set.of("brand"),
                BRAND, lenaAway, TODAY)), "lena is away herself in that range");
        assertTrue(DelegationRules.check(span("alice", "lena", 1), Set.of("brand"), BRAND, lenaAway, TODAY).isEmpty(),
                "ranges that do not meet are fine");
        List<DelegationRules.Span> aliceHoldsNina = List.of(new DelegationRules.Span("nina", "alice", "brand",
                TODAY, TODAY.plusDays(1)));
        assertEquals(List.of("delegator"), fields(DelegationRules.check(span("alice", "lena", 1), Set.of("brand"),
                BRAND, aliceHoldsNina, TODAY)), "alice cannot hand on nina's seat she holds");
    }
}
