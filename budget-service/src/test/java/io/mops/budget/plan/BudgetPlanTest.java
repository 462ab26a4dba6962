package io.mops.budget.plan;

import io.mops.budget.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetPlanTest {

    static final BudgetPeriod NOVEMBER = BudgetPeriod.month(YearMonth.of(2026, 11));

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private final BudgetPlan plan = BudgetPlan.of(eur("10000"), NOVEMBER)
            .allocate("search", eur("4000"))
            .allocate("social", eur("3000"));

    @Test
    void unallocatedIsTheTotalLessTheChannels() {
        assertEquals(eur("3000"), plan.unallocated());
    }

    @Test
    void anAllocationThatWouldExceedTheTotalIsRefused() {
        BudgetRuleViolation refused = assertThrows(BudgetRuleViolation.class,
                () -> plan.allocate("email", eur("3000.01")));
        assertEquals("allocations", refused.field());
    }

    @Test
    void aReallocationAppliesWholeOrNotAtAll() {
        assertThrows(BudgetRuleViolation.class,
                () -> plan.reallocate(Map.of("search", eur("2000"), "social", eur("9000"))));
        assertEquals(eur("4000"), plan.channels().get("search").allocation(), "the refused move changed nothing");

        BudgetPlan moved = plan.reallocate(Map.of("search", eur("2000"), "social", eur("8000")));
        assertEquals(eur("10000"), moved.allocated());
    }

    @Test
    void aPlanHasOneCurrency() {
        BudgetRuleViolation refused = assertThrows(BudgetRuleViolation.class,
                () -> plan.allocate("email", Money.of("10", "USD")));
        assertEquals("allocations.email", refused.field());
    }

    @Test
    void campaignsNeverHoldMoreThanTheirChannel() {
        BudgetPlan withCampaign = plan.budgetCampaign("search", "brand", eur("3000"));
        assertEquals(eur("1000"), withCampaign.channels().get("search").uncommitted());
        BudgetRuleViolation refused = assertThrows(BudgetRuleViolation.class,
                () -> withCampaign.budgetCampaign("search", "generic", eur("1000.01")));
        assertEquals("amount", refused.field());
    }

    @Test
    void aChannelCannotBeCutBelowWhatItsCampaignsHold() {
        BudgetPlan withCampaign = plan.budgetCampaign("search", "brand", eur("3000"));
        assertThrows(BudgetRuleViolation.class, () -> withCampaign.allocate("search", eur("2999.99")));
    }

    @Test
    void aCampaignNeedsItsChannelToHaveAnAllocation() {
        BudgetRuleViolation refused = assertThrows(BudgetRuleViolation.class,
                () -> plan.budgetCampaign("email", "newsletter", eur("1")));
        assertEquals("channel", refused.field());
    }

    @Test
    void negativeAmountsAreRefusedAtEveryLevel() {
        assertThrows(BudgetRuleViolation.class, () -> BudgetPlan.of(eur("-1"), NOVEMBER));
        assertThrows(BudgetRuleViolation.class, () -> plan.allocate("email", eur("-1")));
        assertThrows(BudgetRuleViolation.class, () -> plan.budgetCampaign("search", "brand", eur("-1")));
    }

    @Test
    void theTotalCannotShrinkBelowWhatIsAllocated() {
        assertThrows(BudgetRuleViolation.class, () -> plan.withTotal(eur("6999.99")));
        assertEquals(eur("7000"), plan.withTotal(eur("7000")).total());
    }

    @Test
    void noSequenceOfChangesEverAllocatesMoreThanTheTotalOrTheChannels() {
        Random random = new Random(20261125L);
        List<String> channels = List.of("search", "social", "email", "display");
        BudgetPlan current = BudgetPlan.of(eur("10000"), NOVEMBER);
        int accepted = 0;
        for (int step = 0; step < 2_000; step++) {
            String channel = channels.get(random.nextInt(channels.size()));
            Money amount = Money.of(BigDecimal.valueOf(random.nextInt(600_000), 2), current.currency());
            BudgetPlan before = current;
            try {
                current = random.nextBoolean() || !current.channels().containsKey(channel)
                        ? current.allocate(channel, amount)
                        : current.budgetCampaign(channel, "c" + random.nextInt(3), amount.times(new BigDecimal("0.3")));
                accepted++;
            } catch (BudgetRuleViolation refused) {
                assertSame(before, current);
            }
            assertFalse(current.allocated().isGreaterThan(current.total()));
            for (ChannelBudget budget : current.channels().values()) {
                assertFalse(budget.committedToCampaigns().isGreaterThan(budget.allocation()));
            }
        }
        assertTrue(accepted > 100, "the sequence exercised accepted changes too, not only refusals");
    }
}
