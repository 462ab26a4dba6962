package io.mops.budget.plan;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BudgetPeriodTest {

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        BudgetRuleViolation refused = assertThrows(BudgetRuleViolation.class,
                () -> new BudgetPeriod(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 1)));
        assertEquals("periodEnd", refused.field());
    }

    @Test
    void aMonthCoversEachOfItsDays() {
        BudgetPeriod february = BudgetPeriod.month(YearMonth.of(2028, 2));
        assertEquals(29, february.days());
        assertEquals(LocalDate.of(2028, 2, 29), february.end());
    }

    @Test
    void aOneDayPeriodIsAllowed() {
        assertEquals(1, new BudgetPeriod(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 27)).days());
    }

    @Test
    void elapsedDaysCountTheWholeOfTheGivenDayAndStayWithinThePeriod() {
        BudgetPeriod november = BudgetPeriod.month(YearMonth.of(2026, 11));
        assertEquals(0, november.daysElapsed(LocalDate.of(2026, 10, 31)));
        assertEquals(1, november.daysElapsed(LocalDate.of(2026, 11, 1)));
        assertEquals(25, november.daysElapsed(LocalDate.of(2026, 11, 25)));
        assertEquals(30, november.daysElapsed(LocalDate.of(2027, 1, 15)));
    }
}
