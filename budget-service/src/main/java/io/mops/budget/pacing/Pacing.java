package io.mops.budget.pacing;

import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetPeriod;
import io.mops.budget.plan.BudgetRuleViolation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;

/**
 * Judges spend against a pacing curve. The projection assumes the campaign keeps spending at the same ratio
 * to its plan: spent {@code s} when the curve planned share {@code p} projects {@code s / p} for the period.
 * Outside {@code budget × (1 ± tolerance)} the budget is off pace.
 */
public final class Pacing {

    private final PacingCurve curve;
    private final BigDecimal tolerance;

    public Pacing(PacingCurve curve, BigDecimal tolerance) {
        if (tolerance.signum() < 0 || tolerance.compareTo(BigDecimal.ONE) >= 0) {
            throw new BudgetRuleViolation("tolerance", "must be at least 0 and below 1");
        }
        this.curve = curve;
        this.tolerance = tolerance;
    }

    public PacingAssessment assess(Money budget, Money spentToDate, BudgetPeriod period, LocalDate asOf) {
        BigDecimal share = curve.plannedShare(period.daysElapsed(asOf), period.days());
        Money planned = budget.times(share);
        // Before the first day nothing was planned, so there is no pace to extrapolate: spend so far is the projection.
        Money projected = share.signum() == 0
                ? spentToDate
                : Money.rounded(spentToDate.amount().divide(share, MathContext.DECIMAL64), budget.currency());
        return new PacingAssessment(budget, spentToDate, planned, share, projected, tolerance,
                stateOf(projected, budget));
    }

    private PacingState stateOf(Money projected, Money budget) {
        Money ceiling = budget.times(BigDecimal.ONE.add(tolerance));
        Money floor = budget.times(BigDecimal.ONE.subtract(tolerance));
        if (projected.isGreaterThan(ceiling)) {
            return PacingState.OVERPACING;
        }
        if (projected.isLessThan(floor)) {
            return PacingState.UNDERPACING;
        }
        return PacingState.ON_PACE;
    }
}
