package io.mops.budget.pacing;

import io.mops.budget.plan.BudgetPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spend against plan over a budget's period, day by day: how much the pacing curve meant to be gone by the end of
 * each day, and how much was spent by then. Both are cumulative, so the two lines meet at the end of a period spent
 * exactly as planned. Days after {@code asOf} carry only the plan: their spend is not known yet.
 */
public final class PacingSeries {

    /** One day of the period; {@code spent} is absent for days still to come. */
    public record Day(LocalDate day, BigDecimal planned, BigDecimal spent) {
    }

    private PacingSeries() {
    }

    /**
     * @param budget     what the period is meant to spend in total
     * @param dailySpend spend recorded per day; days outside the period are ignored
     * @param asOf       the last day whose spend counts as known
     */
    public static List<Day> of(PacingCurve curve, BudgetPeriod period, BigDecimal budget,
                               Map<LocalDate, BigDecimal> dailySpend, LocalDate asOf) {
        int scale = Math.max(2, budget.scale());
        List<Day> days = new ArrayList<>((int) period.days());
        BigDecimal spent = BigDecimal.ZERO;
        for (long elapsed = 1; elapsed <= period.days(); elapsed++) {
            LocalDate day = period.start().plusDays(elapsed - 1);
            BigDecimal planned = budget.multiply(curve.plannedShare(elapsed, period.days()))
                    .setScale(scale, RoundingMode.HALF_EVEN);
            spent = spent.add(dailySpend.getOrDefault(day, BigDecimal.ZERO));
            days.add(new Day(day, planned, day.isAfter(asOf) ? null : spent));
        }
        return List.copyOf(days);
    }
}
