package io.mops.budget.signal;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The series a response curve is fitted on: ordered by period, the newest run without gaps. */
class EvidenceSeriesTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-06-01");

    /** Week {@code i} after 1 June 2026, with spend 100 + i and value 1000 + i, so that position is readable. */
    private static EvidenceSeries.Period week(int i) {
        return new EvidenceSeries.Period(MONDAY.plusWeeks(i), 100 + i, 1000 + i);
    }

    @Test
    void periodsArrivingInAnyOrderAreGivenOldestFirst() {
        List<EvidenceSeries.Period> weeks = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            weeks.add(week(i));
        }
        Collections.shuffle(weeks, new Random(11));

        EvidenceSeries series = EvidenceSeries.newestRun(PeriodKind.WEEK, weeks, 104);

        double[] spend = new double[26];
        double[] value = new double[26];
        for (int i = 0; i < 26; i++) {
            spend[i] = 100 + i;
            value[i] = 1000 + i;
        }
        assertArrayEquals(spend, series.spend());
        assertArrayEquals(value, series.value());
        assertEquals(MONDAY, series.firstPeriod().orElseThrow());
        assertEquals(MONDAY.plusWeeks(25), series.lastPeriod().orElseThrow());
        assertEquals(0, series.cutOffBeforeGap());
    }

    @Test
    void aMissingWeekEndsTheSeriesAndWhatLiesBeforeItIsLeftOut() {
        // Weeks 0-9 and 11-20: week 10 is missing, so the curve sees weeks 11-20 only, adstock starting at week 11.
        List<EvidenceSeries.Period> weeks = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            if (i != 10) {
                weeks.add(week(i));
            }
        }
        EvidenceSeries series = EvidenceSeries.newestRun(PeriodKind.WEEK, weeks, 104);

        assertEquals(10, series.size());
        assertEquals(MONDAY.plusWeeks(11), series.firstPeriod().orElseThrow());
        assertEquals(111, series.spend()[0]);
        assertEquals(10, series.cutOffBeforeGap());
        assertEquals("10 weeks from 2026-08-17 to 2026-10-25; 10 earlier weeks before a gap left out",
                series.describe());
    }

    @Test
    void aZeroSpendWeekThatAttributionReportedIsEvidenceNotAGap() {
        List<EvidenceSeries.Period> weeks = new ArrayList<>(List.of(week(0), week(1),
                new EvidenceSeries.Period(MONDAY.plusWeeks(2), 0, 0), week(3)));
        EvidenceSeries series = EvidenceSeries.newestRun(PeriodKind.WEEK, weeks, 104);
        assertArrayEquals(new double[] {100, 101, 0, 103}, series.spend());
    }

    @Test
    void onlyTheNewestPeriodsUpToTheHistoryAreUsedAndOlderOnesAreNoGap() {
        List<EvidenceSeries.Period> days = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            days.add(new EvidenceSeries.Period(MONDAY.plusDays(i), i, i));
        }
        EvidenceSeries series = EvidenceSeries.newestRun(PeriodKind.DAY, days, 7);
        assertArrayEquals(new double[] {23, 24, 25, 26, 27, 28, 29}, series.spend());
        assertEquals(0, series.cutOffBeforeGap());
        assertEquals("7 days from 2026-06-24 to 2026-06-30", series.describe());
    }

    @Test
    void noSignalsGiveAnEmptySeries() {
        EvidenceSeries series = EvidenceSeries.newestRun(PeriodKind.WEEK, List.of(), 104);
        assertEquals(0, series.size());
        assertTrue(series.firstPeriod().isEmpty());
        assertEquals("no week with a signal", series.describe());
    }

    @Test
    void twoSignalsForOnePeriodOrAWeekNotStartingOnMondayAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EvidenceSeries.newestRun(PeriodKind.WEEK,
                List.of(week(0), week(1), week(1)), 104));
        assertThrows(IllegalArgumentException.class, () -> EvidenceSeries.newestRun(PeriodKind.WEEK,
                List.of(new EvidenceSeries.Period(MONDAY.plusDays(1), 1, 1)), 104));
    }
}
