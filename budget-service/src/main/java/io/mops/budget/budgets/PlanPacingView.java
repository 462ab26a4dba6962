package io.mops.budget.budgets;

import io.mops.budget.pacing.PacingCurve;
import io.mops.budget.pacing.PacingSeries;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plan's spend against its pacing curve, day by day over its period (cumulative amounts).
 *
 * @param channel the one channel shown (a channel team's own), or absent for the whole plan
 * @param budget  what the days are paced against: the plan's total, or the channel's allocation
 * @param asOf    the last day whose spend is counted; later days carry only the plan
 */
public record PlanPacingView(UUID planId, String name, String currency, String channel, BigDecimal budget,
                             PacingCurve pacing, LocalDate periodStart, LocalDate periodEnd, LocalDate asOf,
                             BigDecimal spentToDate, List<PacingSeries.Day> days) {
}
