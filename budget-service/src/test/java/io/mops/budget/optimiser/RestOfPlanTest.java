package io.mops.budget.optimiser;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RestOfPlanTest {

    private static final LocalDate START = LocalDate.parse("2026-01-01");
    private static final LocalDate END = LocalDate.parse("2026-03-31");

    @Test
    void aPlanThatHasNotStartedIsAheadWhole() {
        RestOfPlan rest = RestOfPlan.of(START, END, LocalDate.parse("2025-12-15"));
        assertEquals(90, rest.planDays());
        assertEquals(90, rest.daysLeft());
        assertEquals(1.0, rest.shareLeft());
        assertEquals(90 / 7.0, rest.periodsLeft(7), 1e-12);
    }

    @Test
    void todayCountsAsADayLeftBecauseItsSpendIsStillAhead() {
        assertEquals(90, RestOfPlan.of(START, END, START).daysLeft());
        // 1 March to 31 March, both included.
        RestOfPlan march = RestOfPlan.of(START, END, LocalDate.parse("2026-03-01"));
        assertEquals(31, march.daysLeft());
        assertEquals(31 / 90.0, march.shareLeft(), 1e-12);
        assertEquals(31.0, march.periodsLeft(1), 1e-12);
        assertEquals(1, RestOfPlan.of(START, END, END).daysLeft());
    }

    @Test
    void aPlanThatHasEndedKeepsOneDaySoThatAmountsPerDayStayDefined() {
        assertEquals(1, RestOfPlan.of(START, END, LocalDate.parse("2026-06-01")).daysLeft());
    }

    @Test
    void moreDaysLeftThanThePlanHasIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RestOfPlan(30, 31));
        assertThrows(IllegalArgumentException.class, () -> new RestOfPlan(30, 0));
    }
}
