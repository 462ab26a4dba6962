package io.mops.budget.pacing;

import io.mops.budget.plan.BudgetPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PacingSeriesTest {

    private static final BudgetPeriod APRIL = new BudgetPeriod(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30));

    @Test
    void evenPacingPlansAThirtiethOfTheBudgetPerDayAndEndsOnTheWholeBudget() {
        List<PacingSeries.Day> days = PacingSeries.of(PacingCurve.EVEN, APRIL, new BigDecimal("3000.00"), Map.of(),
                LocalDate.of(2026, 4, 30));
        assertEquals(30, days.size());
        assertEquals(LocalDate.of(2026, 4, 1), days.getFirst().day());
        assertEquals(new BigDecimal("100.00"), days.get(0).planned());
        assertEquals(new BigDecimal("1000.00"), days.get(9).planned());
        assertEquals(new BigDecimal("3000.00"), days.getLast().planned());
    }

    @Test
    void frontLoadedPacingHasThreeQuartersGoneAtHalfTime() {
        // 1 - (1 - 15/30)² = 0.75 of the budget after day 15; back-loaded (15/30)² = 0.25.
        assertEquals(new BigDecimal("3000.00"), PacingSeries.of(PacingCurve.FRONT_LOADED, APRIL,
                new BigDecimal("4000.00"), Map.of(), APRIL.end()).get(14).planned());
        assertEquals(new BigDecimal("1000.00"), PacingSeries.of(PacingCurve.BACK_LOADED, APRIL,
                new BigDecimal("4000.00"), Map.of(), APRIL.end()).get(14).planned());
    }

    @Test
    void spendAddsUpDayByDayAndIsUnknownAfterToday() {
        Map<LocalDate, BigDecimal> spend = Map.of(
                LocalDate.of(2026, 4, 2), new BigDecimal("40.50"),
                LocalDate.of(2026, 4, 4), new BigDecimal("9.50"),
                LocalDate.of(2026, 3, 31), new BigDecimal("1000"),   // before the period: not this plan's spend
                LocalDate.of(2026, 4, 6), new BigDecimal("7"));      // after today: not known yet
        List<PacingSeries.Day> days = PacingSeries.of(PacingCurve.EVEN, APRIL, new BigDecimal("3000.00"), spend,
                LocalDate.of(2026, 4, 5));
        assertEquals(0, BigDecimal.ZERO.compareTo(days.get(0).spent()));
        assertEquals(0, new BigDecimal("40.50").compareTo(days.get(1).spent()));
        assertEquals(0, new BigDecimal("40.50").compareTo(days.get(2).spent()));
        assertEquals(0, new BigDecimal("50.00").compareTo(days.get(4).spent()));
        assertNull(days.get(5).spent());
        assertNull(days.getLast().spent());
    }
}
