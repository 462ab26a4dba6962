package io.mops.budget.optimiser;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a reallocation can still change: the days from today to the plan's end. Money already spent is gone, and an
 * ad platform paces what is left of a campaign's budget over what is left of its schedule, so moving {@code x} today
 * changes a channel's daily spend by {@code x / daysLeft} — not by {@code x / planDays} as if the plan were starting.
 * Judging a move over the whole plan would move {@code planDays / daysLeft} times too much money: the channel cut
 * runs out before the end and the channel raised ends with money unspent.
 *
 * @param daysLeft today included (its spend is not reported yet); the whole plan before it starts, and at least one
 *                 day after its end, so that amounts per day stay defined
 */
public record RestOfPlan(long planDays, long daysLeft) {

    public RestOfPlan {
        if (planDays < 1 || daysLeft < 1 || daysLeft > planDays) {
            throw new IllegalArgumentException("a plan of " + planDays + " days cannot have " + daysLeft + " left");
        }
    }

    public static RestOfPlan of(LocalDate periodStart, LocalDate periodEnd, LocalDate today) {
        Objects.requireNonNull(today, "today");
        long planDays = ChronoUnit.DAYS.between(periodStart, periodEnd) + 1;
        LocalDate from = today.isBefore(periodStart) ? periodStart : today;
        long left = ChronoUnit.DAYS.between(from, periodEnd) + 1;
        return new RestOfPlan(planDays, Math.max(1, Math.min(planDays, left)));
    }

    /** The share of the plan's days still ahead. */
    public double shareLeft() {
        return daysLeft / (double) planDays;
    }

    /** The days left in periods of the evidence the curves were fitted on (a week: {@code daysLeft / 7}). */
    public double periodsLeft(int daysPerPeriod) {
        return daysLeft / (double) daysPerPeriod;
    }
}
