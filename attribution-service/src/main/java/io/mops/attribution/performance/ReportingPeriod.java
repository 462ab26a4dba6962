package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One period channel performance is reported for: a calendar day or an ISO week (Monday to Sunday) of a time zone.
 * A conversion belongs to the period in which it happened, as a local time in that zone; spend, which integrations
 * report per calendar day, belongs to the period that contains its day. Periods of one kind never overlap and leave
 * no gaps, so a sequence of them is a time series.
 *
 * <p>A period is measured in the zone's own days, so a week that contains a daylight-saving change lasts 167 or 169
 * hours, not 168.
 */
public record ReportingPeriod(PeriodKind kind, LocalDate start, ZoneId zone) {

    public ReportingPeriod {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(zone, "zone");
        if (!kind.startOf(start).equals(start)) {
            throw new IllegalArgumentException("a " + kind + " cannot start on " + start + " (" + start.getDayOfWeek()
                    + "); it starts on " + kind.startOf(start));
        }
    }

    /** The period that contains the calendar day {@code day}. */
    public static ReportingPeriod containing(PeriodKind kind, LocalDate day, ZoneId zone) {
        return new ReportingPeriod(kind, kind.startOf(day), zone);
    }

    /** The period in which {@code at} falls, on the zone's clock. */
    public static ReportingPeriod containing(PeriodKind kind, Instant at, ZoneId zone) {
        return containing(kind, at.atZone(zone).toLocalDate(), zone);
    }

    /**
     * Every period from the one that contains {@code firstDay} on, that is complete at {@code asOf}, oldest first.
     * Empty when the period of {@code firstDay} is not complete yet.
     */
    public static List<ReportingPeriod> completeFrom(PeriodKind kind, ZoneId zone, LocalDate firstDay, Instant asOf) {
        List<ReportingPeriod> periods = new ArrayList<>();
        for (ReportingPeriod period = containing(kind, firstDay, zone); period.completeAt(asOf); period = period.next()) {
            periods.add(period);
        }
        return periods;
    }

    /** The last day of the period (inclusive). */
    public LocalDate end() {
        return kind.endOf(start);
    }

    /** The first instant of the period: midnight of its first day in the zone (or the first valid time after). */
    public Instant from() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period: the start of the next one. */
    public Instant until() {
        return kind.following(start).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from()) && at.isBefore(until());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end());
    }

    /** Whether the period is over at {@code now}: nothing that happens from now on can happen inside it. */
    public boolean completeAt(Instant now) {
        return !now.isBefore(until());
    }

    public ReportingPeriod next() {
        return new ReportingPeriod(kind, kind.following(start), zone);
    }

    @Override
    public String toString() {
        return kind + " " + start + ".." + end() + " " + zone.getId();
    }
}
