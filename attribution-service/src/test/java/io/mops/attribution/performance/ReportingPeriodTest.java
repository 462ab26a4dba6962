package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.mops.common.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bucketing instants and days into days and ISO weeks of a time zone. */
class ReportingPeriodTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void everyDayLiesInTheIsoWeekTheCalendarGivesIt() {
        // Reference: the JDK's ISO-8601 week fields (week-based year and week of it), independent of the Monday rule
        // the period uses. Three years of days, including 2026's week 53 and the turns of the year.
        for (LocalDate day = LocalDate.parse("2025-12-01"); day.isBefore(LocalDate.parse("2028-12-31"));
             day = day.plusDays(1)) {
            ReportingPeriod week = ReportingPeriod.containing(PeriodKind.WEEK, day, UTC);
            assertEquals(DayOfWeek.MONDAY, week.start().getDayOfWeek());
            assertEquals(DayOfWeek.SUNDAY, week.end().getDayOfWeek());
            assertTrue(week.contains(day));
            for (LocalDate d = week.start(); !d.isAfter(week.end()); d = d.plusDays(1)) {
                assertEquals(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                assertEquals(day.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_BASED_YEAR));
            }
            assertTrue(week.next().start().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                    != day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
    }

    @Test
    void thursdayThe31stOfDecember2026LiesInWeek53StartingMonday28December() {
        ReportingPeriod week = ReportingPeriod.containing(PeriodKind.WEEK, LocalDate.parse("2026-12-31"), UTC);
        assertEquals(LocalDate.parse("2026-12-28"), week.start());
        assertEquals(LocalDate.parse("2027-01-03"), week.end());
        assertEquals(53, LocalDate.parse("2026-12-31").get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    @Test
    void aConversionLateOnSundayInUtcIsAlreadyMondayInBerlinAndStillSundayInNewYork() {
        Instant sundayNight = Instant.parse("2026-11-15T23:30:00Z");
        assertEquals(LocalDate.parse("2026-11-09"),
                ReportingPeriod.containing(PeriodKind.WEEK, sundayNight, UTC).start());
        // 00:30 on Monday 16 November in Berlin (UTC+1 in winter)
        assertEquals(LocalDate.parse("2026-11-16"),
                ReportingPeriod.containing(PeriodKind.WEEK, sundayNight, BERLIN).start());
        assertEquals(LocalDate.parse("2026-11-16"),
                ReportingPeriod.containing(PeriodKind.DAY, sundayNight, BERLIN).start());
        // 22:00 on Sunday 15 November in New York (UTC-5 in winter): a day and a week earlier than Berlin.
        Instant newYorkSunday = Instant.parse("2026-11-16T03:00:00Z");
        assertEquals(LocalDate.parse("2026-11-09"),
                ReportingPeriod.containing(PeriodKind.WEEK, newYorkSunday, NEW_YORK).start());
        assertEquals(LocalDate.parse("2026-11-15"),
                ReportingPeriod.containing(PeriodKind.DAY, newYorkSunday, NEW_YORK).start());
    }

    @Test
    void aWeekIsMeasuredInTheZonesDaysAcrossDaylightSavingChanges() {
        // The EU moves its clocks on the last Sundays of March and October: 2026-03-29 (an hour less) and 2026-10-25
        // (an hour more). The weeks that contain them last 167 and 169 hours in Berlin, 168 in UTC.
        ReportingPeriod spring = new ReportingPeriod(PeriodKind.WEEK, LocalDate.parse("2026-03-23"), BERLIN);
        assertEquals(Instant.parse("2026-03-22T23:00:00Z"), spring.from());
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), spring.until());
        assertEquals(167, Duration.between(spring.from(), spring.until()).toHours());
        ReportingPeriod autumn = new ReportingPeriod(PeriodKind.WEEK, LocalDate.parse("2026-10-19"), BERLIN);
        assertEquals(169, Duration.between(autumn.from(), autumn.until()).toHours());
        assertEquals(168, Duration.between(new ReportingPeriod(PeriodKind.WEEK, LocalDate.parse("2026-03-23"), UTC)
                .from(), new ReportingPeriod(PeriodKind.WEEK, LocalDate.parse("2026-03-23"), UTC).until()).toHours());
        ReportingPeriod shortDay = new ReportingPeriod(PeriodKind.DAY, LocalDate.parse("2026-03-29"), BERLIN);
        assertEquals(23, Duration.between(shortDay.from(), shortDay.until()).toHours());
    }

    @Test
    void periodsOfOneKindFollowEachOtherWithoutGapOrOverlap() {
        ReportingPeriod week = new ReportingPeriod(PeriodKind.WEEK, LocalDate.parse("2026-03-16"), BERLIN);
        for (int i = 0; i < 60; i++, week = week.next()) {
            assertEquals(week.until(), week.next().from());
            assertTrue(week.contains(week.from()));
            assertFalse(week.contains(week.until()));
        }
    }

    @Test
    void aWeekIsCompleteFromTheFirstInstantOfTheNextMonday() {
        List<ReportingPeriod> complete = ReportingPeriod.completeFrom(PeriodKind.WEEK, UTC,
                LocalDate.parse("2026-11-04"), Instant.parse("2026-11-30T00:00:00Z"));
        assertEquals(List.of("2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"),
                complete.stream().map(p -> p.start().toString()).toList());
        assertEquals(3, ReportingPeriod.completeFrom(PeriodKind.WEEK, UTC, LocalDate.parse("2026-11-04"),
                Instant.parse("2026-11-29T23:59:59Z")).size());
        assertEquals(List.of(), ReportingPeriod.completeFrom(PeriodKind.DAY, UTC, LocalDate.parse("2026-11-29"),
                Instant.parse("2026-11-29T23:59:59Z")));
    }

    @Test
    void aWeekCannotStartOnAnotherDayThanMonday() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReportingPeriod(PeriodKind.WEEK, LocalDate.parse("2026-11-17"), UTC));
        assertTrue(e.getMessage().contains("2026-11-16"), e.getMessage());
    }

    private static ChannelPerformancePublisher publisher(PeriodKind kind, Duration revisionWindow) {
        return new ChannelPerformancePublisher(null, null, new TestConfig(kind, revisionWindow));
    }

    @Test
    void aRunCoversTheCompletePeriodsThatEndedWithinTheRevisionWindow() {
        // Sunday noon: 28 days before is Sunday 8 November, noon. The week of 2 to 8 November ended after that and is
        // still revised; the week before it is final; the current week (30 November to 6 December) is not complete.
        Instant sundayNoon = Instant.parse("2026-12-06T12:00:00Z");
        assertEquals(List.of("2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"),
                publisher(PeriodKind.WEEK, Duration.ofDays(28)).periodsOf(Optional.empty(), sundayNoon).stream()
                        .map(p -> p.start().toString()).toList());
        List<ReportingPeriod> days = publisher(PeriodKind.DAY, Duration.ofDays(3)).periodsOf(Optional.empty(),
                sundayNoon);
        assertEquals(List.of("2026-12-03", "2026-12-04", "2026-12-05"),
                days.stream().map(p -> p.start().toString()).toList());
    }

    @Test
    void aRecomputeMayReachBackAYearButNotBeyondNorStartAfterItsEnd() {
        ChannelPerformancePublisher weeks = publisher(PeriodKind.WEEK, Duration.ofDays(28));
        Instant asOf = Instant.parse("2026-12-07T00:00:00Z");
        assertEquals(26, weeks.periodsOf(Optional.of(LocalDate.parse("2026-06-08")), asOf).size());
        assertEquals("from", assertThrows(InvalidRequestException.class,
                () -> weeks.periodsOf(Optional.of(LocalDate.parse("2025-12-01")), asOf)).violations().getFirst().field());
        assertEquals("from", assertThrows(InvalidRequestException.class,
                () -> weeks.periodsOf(Optional.of(LocalDate.parse("2026-12-08")), asOf)).violations().getFirst().field());
    }

    private record TestConfig(PeriodKind period, Duration revisionWindow) implements PerformanceConfig {

        @Override
        public List<String> models() {
            return List.of("markov-1");
        }

        @Override
        public ZoneId zone() {
            return UTC;
        }

        @Override
        public int lookbackDays() {
            return 30;
        }

        @Override
        public String currency() {
            return "EUR";
        }

        @Override
        public String interval() {
            return "off";
        }

        @Override
        public Duration minimumInterval() {
            return Duration.ofHours(6);
        }
    }
}
