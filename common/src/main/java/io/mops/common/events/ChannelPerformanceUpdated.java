package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Attribution's verdict on one channel over one period — a day or an ISO week, never overlapping its neighbours —
 * under one attribution model: the conversions (and their value) the model credits to the channel for conversions
 * that happened in the period, what the channel spent on the period's days, and the return on that spend. Budget
 * fits response curves on the sequence of periods.
 *
 * <p>A period is published once it is complete, and again — with the next {@code revision} — when late data changes
 * its figures. A reader keeps the highest revision of each channel, model, currency and period.
 *
 * @param periodEnd the period's last day (inclusive): {@code periodStart} for a day, the Sunday after the Monday
 *                  {@code periodStart} for an ISO week
 * @param zone      the time zone (IANA id, e.g. {@code UTC}) whose calendar days the period consists of: a conversion
 *                  belongs to the period when its instant falls in those days there
 * @param revision  1 for the first publication of the period, one more for each republication
 * @param roas      credited value divided by spend; {@code null} when nothing was spent
 */
public record ChannelPerformanceUpdated(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank String model,
        @NotNull PeriodKind periodKind,
        @NotNull LocalDate periodStart,
        @NotNull LocalDate periodEnd,
        @NotBlank String zone,
        @Positive int revision,
        @NotNull @PositiveOrZero BigDecimal creditedConversions,
        @NotNull @PositiveOrZero BigDecimal creditedValue,
        @NotNull @PositiveOrZero BigDecimal spend,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @PositiveOrZero BigDecimal roas) {

    /**
     * Version 2: non-overlapping periods with a revision, in place of version 1's trailing windows (which overlapped
     * and could not be told apart or ordered). Version 1 is no longer written, and budget-service refuses it.
     */
    public static final EventType<ChannelPerformanceUpdated> TYPE =
            new EventType<>("ChannelPerformanceUpdated", 2, Topics.CHANNEL_PERFORMANCE, ChannelPerformanceUpdated.class);

    /**
     * A period that is not a whole day or ISO week is refused while the event is built — and, when reading, the
     * codec reports this message as the reason the event is malformed.
     */
    public ChannelPerformanceUpdated {
        if (periodKind != null && periodStart != null && periodEnd != null) {
            periodKind.requireWhole(periodStart, periodEnd);
        }
    }

    public String subject() {
        return "channel:" + channel;
    }

    /** The length of a period; both follow the calendar of the event's {@code zone}. */
    public enum PeriodKind {
        /** One calendar day. */
        DAY(1),
        /** One ISO-8601 week, Monday to Sunday. */
        WEEK(7);

        private final int days;

        PeriodKind(int days) {
            this.days = days;
        }

        public int days() {
            return days;
        }

        /** The first day of the period that contains {@code day}. */
        public LocalDate startOf(LocalDate day) {
            return this == DAY ? day : day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }

        /** The last day (inclusive) of the period that starts on {@code start}. */
        public LocalDate endOf(LocalDate start) {
            return start.plusDays(days - 1L);
        }

        /** The start of the period right after the one that starts on {@code start}. */
        public LocalDate following(LocalDate start) {
            return start.plusDays(days);
        }

        /** @throws IllegalArgumentException naming the field when {@code start}–{@code end} is not one period */
        public void requireWhole(LocalDate start, LocalDate end) {
            if (!startOf(start).equals(start)) {
                throw new IllegalArgumentException("periodStart " + start + " is a " + start.getDayOfWeek()
                        + ", but an ISO week starts on a Monday");
            }
            if (!endOf(start).equals(end)) {
                throw new IllegalArgumentException("periodEnd " + end + " is not the last day of the " + name()
                        + " starting " + start + " (that is " + endOf(start) + ")");
            }
        }
    }
}
