package io.mops.budget.pacing;

import io.mops.budget.money.Money;

import java.math.BigDecimal;

/**
 * A budget's pacing on one day: what the curve planned to be spent by now, what was spent, and where that
 * pace leads by the end of the period.
 *
 * @param plannedShare share of the budget the curve planned to be spent by now (0 to 1)
 * @param projectedSpend the spend at the end of the period if the campaign keeps its pace relative to the curve
 */
public record PacingAssessment(Money budget, Money spentToDate, Money plannedToDate, BigDecimal plannedShare,
                               Money projectedSpend, BigDecimal tolerance, PacingState state) {
}
