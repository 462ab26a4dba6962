package io.mops.budget.activation;

import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetPeriod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What is left of a period's budget over its days left, rounded down; figures worked out by hand. */
class DailyBudgetTest {

    private static final BudgetPeriod JANUARY = BudgetPeriod.month(YearMonth.of(2027, 1));

    private static Optional<Money> daily(String budget, String spent, LocalDate today) {
        return DailyBudget.of(Money.of(budget, "EUR"), Money.of(spent, "EUR"), JANUARY, today);
    }

    @Test
    void beforeThePeriodTheWholeBudgetIsSpreadOverAllItsDays() {
        // 3,100.00 / 31 days = 100.00 a day.
        assertEquals(Optional.of(Money.of("100.00", "EUR")), daily("3100.00", "0", LocalDate.of(2026, 12, 8)));
    }

    @Test
    void midPeriodWhatIsLeftIsSpreadOverTheDaysLeftTodayIncluded() {
        // On 11 January 21 days are left (11–31); 3,100 − 1,000 = 2,100 / 21 = 100.00.
        assertEquals(Optional.of(Money.of("100.00", "EUR")), daily("3100.00", "1000.00", LocalDate.of(2027, 1, 11)));
        // On the last day, all that is left.
        assertEquals(Optional.of(Money.of("42.50", "EUR")), daily("100.00", "57.50", LocalDate.of(2027, 1, 31)));
    }

    @Test
    void roundsDownSoTheDaysNeverAskForMoreThanIsLeft() {
        // On 29 January 3 days are left: 1,000 / 3 = 333.333… → 333.33 (3 × 333.33 = 999.99 ≤ 1,000).
        assertEquals(Optional.of(Money.of("333.33", "EUR")), daily("1000.00", "0", LocalDate.of(2027, 1, 29)));
    }

    @Test
    void anOverspentCampaignGetsNothingAndAnEndedPeriodNoBudgetAtAll() {
        assertEquals(Optional.of(Money.of("0.00", "EUR")), daily("100.00", "120.00", LocalDate.of(2027, 1, 15)));
        assertEquals(Optional.empty(), daily("100.00", "0", LocalDate.of(2027, 2, 1)));
    }
}
