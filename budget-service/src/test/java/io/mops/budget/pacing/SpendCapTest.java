package io.mops.budget.pacing;

import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetRuleViolation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendCapTest {

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void spendBelowTheBudgetLeavesTheCampaignRunning() {
        SpendCap.SpendOutcome outcome = SpendCap.apply(eur("1000"), eur("500"), eur("499.99"));
        assertFalse(outcome.exhausted());
        assertEquals(eur("0.01"), outcome.remaining());
        assertEquals(eur("0"), outcome.overrun());
    }

    @Test
    void spendThatReachesTheBudgetExactlyStopsTheCampaign() {
        SpendCap.SpendOutcome outcome = SpendCap.apply(eur("1000"), eur("500"), eur("500"));
        assertTrue(outcome.exhausted());
        assertTrue(outcome.exhaustedNow());
        assertEquals(eur("0"), outcome.overrun());
    }

    @Test
    void spendBeyondTheBudgetIsFlaggedAsAnOverrun() {
        SpendCap.SpendOutcome outcome = SpendCap.apply(eur("1000"), eur("900"), eur("250"));
        assertTrue(outcome.exhaustedNow());
        assertEquals(eur("150"), outcome.overrun());
        assertEquals(eur("1150"), outcome.spentAfter(), "spend that happened is recorded, not dropped");
    }

    @Test
    void exhaustionIsAnnouncedOnlyByTheSpendThatCausedIt() {
        SpendCap.SpendOutcome later = SpendCap.apply(eur("1000"), eur("1000"), eur("10"));
        assertTrue(later.exhausted());
        assertFalse(later.exhaustedNow());
    }

    @Test
    void negativeSpendIsRefused() {
        BudgetRuleViolation refused = assertThrows(BudgetRuleViolation.class,
                () -> SpendCap.apply(eur("1000"), eur("0"), eur("-0.01")));
        assertEquals("amount", refused.field());
    }
}
