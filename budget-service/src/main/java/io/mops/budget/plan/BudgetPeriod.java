package io.mops.budget.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The days a budget covers, both ends included: a calendar month or any custom range. */
public record BudgetPeriod(LocalDate start, LocalDate end) {

    public BudgetPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new BudgetRuleViolation("periodEnd", "must not be before periodStart (" + start + ")");
        }
    }

    public static BudgetPeriod month(YearMonth month) {
        return new BudgetPeriod(month.atDay(1), month.atEndOfMonth());
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Days of the period that have passed by the end of {@code asOf}: none before the start, all after the end. */
    public long daysElapsed(LocalDate asOf) {
        if (asOf.isBefore(start)) {
            return 0;
        }
        if (asOf.isAfter(end)) {
            return days();
        }
        return ChronoUnit.DAYS.between(start, asOf) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
