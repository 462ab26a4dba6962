package io.mops.budget.guard;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DetectorsTest {

    static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");

    /** Whole days of the same count every hour and the same spend. */
    static List<ChannelHour> steady(int days, long touchpointsPerHour, double spendPerHour) {
        List<ChannelHour> hours = new ArrayList<>();
        for (int i = 0; i < days * 24; i++) {
            hours.add(new ChannelHour(MONDAY.plus(i, ChronoUnit.HOURS), spendPerHour, touchpointsPerHour));
        }
        return hours;
    }

    static Map<String, Double> with(Detector detector, String name, double value) {
        Map<String, Double> thresholds = new HashMap<>(detector.defaults());
        thresholds.put(name, value);
        return thresholds;
    }

    @Test
    void cusumSumsFollowTheTabularRecursionByHand() {
        // k = 0.5: S+ = max(0, S+ + z − 0.5), S− = max(0, S− − z − 0.5), worked on paper for z = 1, 2, −1, 3, −4.
        PerformanceShift.Cusum cusum = PerformanceShift.Cusum.start(0.5, 4);
        double[] z = {1, 2, -1, 3, -4};
        double[] upper = {0.5, 2.0, 0.5, 3.0, 0};
        double[] lower = {0, 0, 0.5, 0, 3.5};
        boolean[] alarm = {false, false, false, false, false};
        for (int i = 0; i < z.length; i++) {
            cusum = cusum.next(z[i]);
            assertEquals(upper[i], cusum.upper(), 1e-12, "S+ after z" + (i + 1));
            assertEquals(lower[i], cusum.lower(), 1e-12, "S- after z" + (i + 1));
            assertEquals(alarm[i], cusum.alarm());
        }
        assertTrue(cusum.next(-1.5).alarm(), "S- = 3.5 + 1.5 - 0.5 = 4.5 > 4");
    }

    /**
     * Montgomery, Introduction to Statistical Quality Control, Table 9.3 (two-sided tabular CUSUM, k = 1/2, h = 5):
     * average run length 465 in control and 10.4 after a one-standard-deviation shift.
     */
    @Test
    void cusumRunLengthsMatchThePublishedTable() {
        RandomDataGenerator random = RandomDataGenerator.of(new Well19937c(42));
        assertEquals(465, averageRunLength(random, 0, 3000), 465 * 0.06);
        assertEquals(10.4, averageRunLength(random, 1, 3000), 10.4 * 0.04);
    }

    private static double averageRunLength(RandomDataGenerator random, double shift, int runs) {
        long total = 0;
        for (int run = 0; run < runs; run++) {
            PerformanceShift.Cusum cusum = PerformanceShift.Cusum.start(0.5, 5);
            int n = 0;
            do {
                cusum = cusum.next(random.nextNormal(shift, 1));
                n++;
            } while (!cusum.alarm());
            total += n;
        }
        return total / (double) runs;
    }

    @Test
    void zeroTouchpointsAgainstAKnownRateHaveThePoissonProbabilityOfZero() {
        // 3 touchpoints every hour for a week: two silent hours expect 6, P(N = 0) = e^-6 = 0.00248 > 1e-4 (no alarm);
        // three silent hours expect 9, P = e^-9 = 1.234e-4, still above; a threshold of 2e-4 catches it.
        List<ChannelHour> week = steady(7, 3, 10);
        List<ChannelHour> silent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            silent.add(new ChannelHour(MONDAY.plus(7 * 24 + i, ChronoUnit.HOURS), 10, 0));
        }
        assertEquals(Math.exp(-6), TrackingBreakage.lowerTail(0, 6), 1e-15);
        assertTrue(new TrackingBreakage(Detector.TRACKING_BREAKAGE.defaults()).judge("email", week, silent).isEmpty());
        Optional<Anomaly> caught = new TrackingBreakage(with(Detector.TRACKING_BREAKAGE, "maxProbability", 2e-4))
                .judge("email", week, silent);
        assertTrue(caught.isPresent());
        assertEquals(9, caught.get().expected(), 1e-12);
        assertEquals(Math.exp(-9), caught.get().statistic(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, caught.get().margin(), "none of the 9 expected arrived");
    }

    @Test
    void fewTouchpointsAreJudgedByTheExactLowerTail() {
        // 20 an hour for a week; 2 in the last hour: P(N <= 2 | 20) = e^-20 (1 + 20 + 200) = 4.5555e-7.
        List<ChannelHour> week = steady(7, 20, 10);
        List<ChannelHour> last = List.of(new ChannelHour(MONDAY.plus(7 * 24, ChronoUnit.HOURS), 10, 2));
        Anomaly anomaly = new TrackingBreakage(Detector.TRACKING_BREAKAGE.defaults()).judge("search", week, last)
                .orElseThrow();
        assertEquals(Math.exp(-20) * 221, anomaly.statistic(), 1e-18);
        // 2 of 20 is a share of 0.1 against the 0.2 that is still a breakage: twice past the line.
        assertEquals(2.0, anomaly.margin(), 1e-12);
    }

    @Test
    void aChannelThatStopsSpendingIsPausedNotBroken() {
        List<ChannelHour> week = steady(7, 20, 10);
        List<ChannelHour> last = List.of(new ChannelHour(MONDAY.plus(7 * 24, ChronoUnit.HOURS), 0, 0));
        assertTrue(new TrackingBreakage(Detector.TRACKING_BREAKAGE.defaults()).judge("search", week, last).isEmpty());
    }

    @Test
    void lowButNotNearZeroIsNoBreakage() {
        // 10 of 20 expected is improbable (P = 0.011 is not, at 1e-4) and half the expectation is not near zero.
        List<ChannelHour> week = steady(7, 40, 10);
        List<ChannelHour> last = List.of(new ChannelHour(MONDAY.plus(7 * 24, ChronoUnit.HOURS), 10, 15));
        // P(N <= 15 | 40) is about 3e-6, far below 1e-4, but 15 is 37 % of 40: low, not near zero.
        assertTrue(new TrackingBreakage(Detector.TRACKING_BREAKAGE.defaults()).judge("search", week, last).isEmpty());
    }

    /** Yesterday at a steady hourly spend, then today's hours. */
    static List<ChannelHour> yesterdayThenToday(double yesterdayPerHour, double... today) {
        List<ChannelHour> hours = new ArrayList<>(steady(1, 5, yesterdayPerHour));
        for (int h = 0; h < today.length; h++) {
            hours.add(new ChannelHour(MONDAY.plus(24 + h, ChronoUnit.HOURS), today[h], 5));
        }
        return hours;
    }

    static Optional<Anomaly> runaway(List<ChannelHour> hours, double expectedDaily) {
        int last = hours.size() - 1;
        return new SpendRunaway(Detector.SPEND_RUNAWAY.defaults()).judge("social", hours.subList(0, last),
                hours.subList(24, hours.size()), expectedDaily, IntradayProfile.even());
    }

    @Test
    void spendRunawayComparesTheHourWithItsShareOfTheRunRate() {
        // Yesterday 100 an hour: a run rate of 2400 a day, 100 for any hour of an even day. Today 100, 100, then
        // 350: its 24 hours before hold 2400, so 350 is 3.5 times its share, above 3.
        assertTrue(runaway(yesterdayThenToday(100, 100, 100, 290), 2400).isEmpty(), "2.9 times is below 3");
        Anomaly anomaly = runaway(yesterdayThenToday(100, 100, 100, 350), 2400).orElseThrow();
        assertEquals(3.5, anomaly.statistic(), 1e-12);
        assertEquals(3.5 / 3, anomaly.margin(), 1e-12, "the hourly line is 3");
        assertEquals(MONDAY.plus(27, ChronoUnit.HOURS), anomaly.detectedAt());
    }

    @Test
    void spendRunawayCatchesASlowOverspendOnTheDaySoFar() {
        // 210 an hour against pacing's 100: the fifth hour is 210 of (20 × 100 + 4 × 210) / 24 = 118.3, 1.8 times
        // (below 3), and the day so far 1050 of 500 due, 2.1 times (above 2), with more than 20 % of 2400 due
        // (500 > 480). After four hours the same pace is no alarm yet: 400 due is less than 20 % of the day.
        assertTrue(runaway(yesterdayThenToday(100, 210, 210, 210, 210), 2400).isEmpty());
        Anomaly anomaly = runaway(yesterdayThenToday(100, 210, 210, 210, 210, 210), 2400).orElseThrow();
        assertEquals(1050, anomaly.observed(), 1e-9);
        assertEquals(500, anomaly.expected(), 1e-9);
        assertEquals(1.05, anomaly.margin(), 1e-12, "2.1 times due against the daily line of 2");
    }

    @Test
    void spendBelowTheFloorIsNoRunawayHoweverFastItGrows() {
        // Yesterday 5 an hour; 40 at midnight is 8 times its run rate but below 2 % of pacing's 2400 (48).
        assertTrue(runaway(yesterdayThenToday(5, 40), 2400).isEmpty());
        assertTrue(runaway(yesterdayThenToday(5, 50), 2400).isPresent(), "50 is above the floor");
    }

    @Test
    void performanceShiftFiresOnASustainedRiseOfCostPerConversion() {
        // Baseline alternating 18 and 22 per conversion; then 30 per conversion every day.
        List<PerformanceShift.Day> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 10, 1);
        for (int d = 0; d < 28; d++) {
            days.add(new PerformanceShift.Day(first.plusDays(d), d % 2 == 0 ? 180 : 220, 10));
        }
        PerformanceShift shift = new PerformanceShift(Detector.PERFORMANCE_SHIFT.defaults());
        assertTrue(shift.judge("email", days).isEmpty());
        days.add(new PerformanceShift.Day(first.plusDays(28), 300, 10));
        // log(30/20) against sd of log 18, log 22 (≈ 0.1021): z ≈ 3.9, S+ ≈ 3.4 < 5; the second day crosses.
        assertFalse(shift.judge("email", days).isPresent());
        days.add(new PerformanceShift.Day(first.plusDays(29), 300, 10));
        Anomaly anomaly = shift.judge("email", days).orElseThrow();
        assertEquals(30, anomaly.observed(), 1e-9);
        assertEquals(anomaly.statistic() / 5, anomaly.margin(), 1e-12, "the CUSUM sum against h = 5");
        assertTrue(anomaly.margin() > 1, "it fired past its line");
    }
}
