package io.mops.budget.guard;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link PerformanceShift} against a tabular CUSUM worked by hand on a short series. The baseline's log costs are
 * {@code ln 20 + 0.1 × (1, −1, 1, −1, 1, −1, 0)}: mean {@code ln 20}, sample deviation
 * {@code √(6 × 0.01 / 6) = 0.1}; so a later day of log cost {@code ln 20 + 0.1 z} standardises to exactly {@code z}.
 */
class PerformanceShiftTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 1);
    private static final double[] BASELINE = {1, -1, 1, -1, 1, -1, 0};
    private static final Map<String, Double> SETTING = Map.of("k", 0.5, "h", 4.0, "baselineDays", 7.0);

    /** 10 conversions a day at 20 × e^(0.1 z) each. */
    private static List<PerformanceShift.Day> series(double... after) {
        List<PerformanceShift.Day> days = new ArrayList<>();
        int d = 0;
        for (double z : BASELINE) {
            days.add(day(d++, z));
        }
        for (double z : after) {
            days.add(day(d++, z));
        }
        return days;
    }

    private static PerformanceShift.Day day(int offset, double z) {
        return new PerformanceShift.Day(FIRST.plusDays(offset), 10 * 20 * Math.exp(0.1 * z), 10);
    }

    @Test
    void aRiseIsFoundOnTheDayTheUpperSumPassesHByHand() {
        PerformanceShift shift = new PerformanceShift(SETTING);
        // z 1.5, 2.0: S+ = 1.5 − 0.5 = 1.0, then 1.0 + 2.0 − 0.5 = 2.5; both within h = 4.
        assertTrue(shift.judge("email", series(1.5, 2.0)).isEmpty());
        // z 2.5: S+ = 2.5 + 2.5 − 0.5 = 4.5 > 4, on the baseline's 10th day (2026-11-10).
        Anomaly found = shift.judge("email", series(1.5, 2.0, 2.5)).orElseThrow();
        assertEquals(Detector.PERFORMANCE_SHIFT, found.detector());
        assertEquals(4.5, found.statistic(), 1e-9);
        assertEquals(4.5 / 4, found.margin(), 1e-9);
        assertEquals(20 * Math.exp(0.25), found.observed(), 1e-9, "that day's cost per conversion");
        assertEquals(20, found.expected(), 1e-9, "the baseline's geometric mean cost");
        assertEquals(LocalDate.of(2026, 11, 11).atStartOfDay(ZoneOffset.UTC).toInstant(), found.detectedAt(),
                "found once the day is complete");
        assertTrue(found.evidence().contains("CUSUM up 4.50"), found.evidence());
    }

    @Test
    void aFallIsFoundByTheLowerSumAndTheFirstCrossingIsReported() {
        PerformanceShift shift = new PerformanceShift(SETTING);
        // z −3, −3: S− = 3 − 0.5 = 2.5, then 2.5 + 3 − 0.5 = 5.0 > 4; the later day would be 7.5, not reported.
        Anomaly found = shift.judge("email", series(-3, -3, -3)).orElseThrow();
        assertEquals(5.0, found.statistic(), 1e-9);
        assertEquals(LocalDate.of(2026, 11, 10).atStartOfDay(ZoneOffset.UTC).toInstant(), found.detectedAt());
        assertTrue(found.evidence().contains("CUSUM down 5.00"), found.evidence());
    }

    @Test
    void valuesWithinKNeverAccumulate() {
        // |z| ≤ k = 0.5 adds nothing to either sum, however long it lasts.
        assertTrue(new PerformanceShift(SETTING).judge("email", series(0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5))
                .isEmpty());
    }
}
