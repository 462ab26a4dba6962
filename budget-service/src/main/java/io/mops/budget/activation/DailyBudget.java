package io.mops.budget.activation;

import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetPeriod;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The daily budget a platform campaign gets for a MOPS campaign budget, which covers the plan's whole period: what is
 * left of it (budget − spent, never below 0) spread evenly over the period's days left, today included (all of them
 * before the period starts). Rounded down to the currency's minor unit, so that the days together never ask the
 * platform for more than is left. Ad platforms budget by the day; MOPS's pacing curve is judged on the spend reported
 * back.
 */
public final class DailyBudget {

    private DailyBudget() {
    }

    /** Empty once the period is over: nothing is left to spend. */
    public static Optional<Money> of(Money budget, Money spent, BudgetPeriod period, LocalDate today) {
        if (today.isAfter(period.end())) {
            return Optional.empty();
        }
        LocalDate from = today.isBefore(period.start()) ? period.start() : today;
        long daysLeft = ChronoUnit.DAYS.between(from, period.end()) + 1;
        BigDecimal left = budget.minus(spent).amount().max(BigDecimal.ZERO);
        BigDecimal perDay = left.divide(BigDecimal.valueOf(daysLeft),
                budget.amount().scale(), RoundingMode.DOWN);
        return Optional.of(Money.of(perDay, budget.currency()));
    }
}
