package io.mops.budget.guard;

import org.hipparchus.random.RandomDataGenerator;
import org.hipparchus.random.Well19937c;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Seeded channel streams with known truth, for measuring the detectors: a diurnal day (peak mid-afternoon UTC), spend
 * that varies day to day (CV 0.2) and hour to hour (CV 0.32), touchpoints Poisson with a gamma-mixed rate (CV 0.22, so
 * over-dispersed as real counts are), daily conversions Poisson at a cost per conversion of 20. Faults are injected
 * at a random hour: spend ×4 from then on (runaway), touchpoints stopped while spend goes on (tracking breakage),
 * cost per conversion ×1.3 from a random day (performance shift).
 * <p>
 * {@code main} prints the figures in docs/benchmarks.md; {@link DetectionQualityTest} holds them to the goals.
 */
public final class GuardSimulation {

    static final Instant START = Instant.parse("2026-10-05T00:00:00Z");
    static final double DAILY_SPEND = 1000;
    static final double COST_PER_CONVERSION = 20;
    static final int WARM_UP_DAYS = 8;
    static final int MONTH_DAYS = 30;

    enum Fault { NONE, SPEND_RUNAWAY, TRACKING_BREAKAGE }

    private final RandomDataGenerator random;
    private final double dailyTouchpoints;
    private final double[] profile = new double[24];

    GuardSimulation(long seed, double touchpointsPerHour) {
        this.random = RandomDataGenerator.of(new Well19937c(seed));
        this.dailyTouchpoints = touchpointsPerHour * 24;
        double sum = 0;
        for (int h = 0; h < 24; h++) {
            profile[h] = 1 + 0.6 * Math.sin(2 * Math.PI * (h - 9) / 24.0);
            sum += profile[h];
        }
        for (int h = 0; h < 24; h++) {
            profile[h] /= sum;
        }
    }

    /** Hours of warm-up plus a month; the fault (if any) starts at {@code faultHour}. */
    List<ChannelHour> hours(Fault fault, int faultHour) {
        List<ChannelHour> hours = new ArrayList<>();
        double day = 0;
        for (int i = 0; i < (WARM_UP_DAYS + MONTH_DAYS) * 24; i++) {
            if (i % 24 == 0) {
                day = DAILY_SPEND * random.nextGamma(25, 1 / 25.0);
            }
            boolean faulty = fault != Fault.NONE && i >= faultHour;
            double spend = day * profile[i % 24] * random.nextGamma(10, 1 / 10.0) * (faulty && fault == Fault.SPEND_RUNAWAY ? 4 : 1);
            double rate = dailyTouchpoints * profile[i % 24] * random.nextGamma(20, 1 / 20.0);
            long touchpoints = faulty && fault == Fault.TRACKING_BREAKAGE ? 0 : poisson(rate);
            hours.add(new ChannelHour(START.plus(i, ChronoUnit.HOURS), spend, touchpoints));
        }
        return hours;
    }

    /** Baseline days then a month; cost per conversion ×{@code factor} from {@code faultDay} on (never when < 0). */
    List<PerformanceShift.Day> days(int baselineDays, int faultDay, double factor) {
        return stream(baselineDays + MONTH_DAYS, faultDay, factor);
    }

    /** {@code count} days; cost per conversion ×{@code factor} from {@code faultDay} on (never when < 0). */
    List<PerformanceShift.Day> stream(int count, int faultDay, double factor) {
        List<PerformanceShift.Day> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2026, 9, 1);
        for (int d = 0; d < count; d++) {
            double spend = DAILY_SPEND * random.nextGamma(25, 1 / 25.0);
            double cost = COST_PER_CONVERSION * (faultDay >= 0 && d >= faultDay ? factor : 1);
            days.add(new PerformanceShift.Day(first.plusDays(d), spend, poisson(spend / cost)));
        }
        return days;
    }

    int randomHourInMonth() {
        return WARM_UP_DAYS * 24 + random.nextInt(MONTH_DAYS * 24 - 48);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private long poisson(double mean) {
        return mean <= 0 ? 0 : random.nextPoisson(mean);
    }

    /**
     * The hours (indexes) whose end finds an anomaly; with {@code episodes} only the first of each run, as the
     * service raises one anomaly and keeps it open until a person resolves it.
     */
    static List<Integer> alarms(List<ChannelHour> hours, Detector detector, boolean episodes) {
        SpendRunaway runaway = new SpendRunaway(Detector.SPEND_RUNAWAY.defaults());
        TrackingBreakage tracking = new TrackingBreakage(Detector.TRACKING_BREAKAGE.defaults());
        int window = (int) Math.round(Detector.TRACKING_BREAKAGE.defaults().get("windowHours"));
        List<Integer> alarms = new ArrayList<>();
        int quietUntil = -1;
        for (int i = WARM_UP_DAYS * 24; i < hours.size(); i++) {
            Optional<Anomaly> anomaly;
            if (detector == Detector.SPEND_RUNAWAY) {
                int dayStart = i - i % 24;
                IntradayProfile profile = IntradayProfile.learn(hours.subList(dayStart - 7 * 24, dayStart),
                        ChannelHour::spend);
                anomaly = runaway.judge("search", hours.subList(i - 24, i), hours.subList(dayStart, i + 1), DAILY_SPEND,
                        profile);
            } else {
                int recentStart = i + 1 - window;
                anomaly = tracking.judge("search", hours.subList(recentStart - TrackingBreakage.HISTORY_DAYS * 24,
                        recentStart), hours.subList(recentStart, i + 1));
            }
            // One alarm per episode: the service keeps an anomaly open (and contained) until a person resolves it.
            if (anomaly.isPresent() && (!episodes || i > quietUntil)) {
                alarms.add(i);
            }
            if (anomaly.isPresent()) {
                quietUntil = i + 24;
            }
        }
        return alarms;
    }

    record Figures(double median, double p90, double max, int missed, int runs) {
        static Figures of(List<Double> delays, int runs) {
            double[] sorted = delays.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Figures(Double.NaN, Double.NaN, Double.NaN, runs, runs);
            }
            return new Figures(sorted[sorted.length / 2], sorted[(int) Math.ceil(0.9 * sorted.length) - 1],
                    sorted[sorted.length - 1], runs - sorted.length, runs);
        }
    }

    /** Hours of data from the fault's start to the end of the hour whose alarm caught it. */
    static Figures timeToDetect(Fault fault, double touchpointsPerHour, int runs, long seed) {
        Detector detector = fault == Fault.SPEND_RUNAWAY ? Detector.SPEND_RUNAWAY : Detector.TRACKING_BREAKAGE;
        List<Double> delays = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            GuardSimulation simulation = new GuardSimulation(seed + run, touchpointsPerHour);
            int faultHour = simulation.randomHourInMonth();
            alarms(simulation.hours(fault, faultHour), detector, false).stream().filter(a -> a >= faultHour).findFirst()
                    .ifPresent(a -> delays.add(a - faultHour + 1.0));
        }
        return Figures.of(delays, runs);
    }

    /** Alarm episodes per channel-month on clean data. */
    static double falseAlarmsPerChannelMonth(Detector detector, double touchpointsPerHour, int months, long seed) {
        long alarms = 0;
        for (int run = 0; run < months; run++) {
            GuardSimulation simulation = new GuardSimulation(seed + run, touchpointsPerHour);
            alarms += alarms(simulation.hours(Fault.NONE, -1), detector, true).size();
        }
        return alarms / (double) months;
    }

    /** Days from the shift to the alarm, over runs whose shift starts at a random day of the month. */
    static Figures daysToDetectShift(double factor, int runs, long seed) {
        PerformanceShift shift = new PerformanceShift(Detector.PERFORMANCE_SHIFT.defaults());
        int baseline = (int) Math.round(Detector.PERFORMANCE_SHIFT.defaults().get("baselineDays"));
        List<Double> delays = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            GuardSimulation simulation = new GuardSimulation(seed + run, 10);
            int faultDay = baseline + simulation.nextInt(MONTH_DAYS - 14);
            List<PerformanceShift.Day> days = simulation.days(baseline, faultDay, factor);
            // The service judges each day as it completes; the first alarm on or after the shift counts.
            for (int d = faultDay; d < days.size(); d++) {
                Optional<Anomaly> anomaly = shift.judge("search", days.subList(0, d + 1));
                if (anomaly.isPresent()) {
                    delays.add(d - faultDay + 1.0);
                    break;
                }
            }
        }
        return Figures.of(delays, runs);
    }

    static double shiftFalseAlarmsPerChannelMonth(int months, long seed) {
        PerformanceShift shift = new PerformanceShift(Detector.PERFORMANCE_SHIFT.defaults());
        int baseline = (int) Math.round(Detector.PERFORMANCE_SHIFT.defaults().get("baselineDays"));
        int alarms = 0;
        for (int run = 0; run < months; run++) {
            List<PerformanceShift.Day> days = new GuardSimulation(seed + run, 10).days(baseline, -1, 1);
            if (shift.judge("search", days).isPresent()) {
                alarms++;
            }
        }
        return alarms / (double) months;
    }

    /**
     * False alarms per channel-month of the detector as the service runs it ({@link PerformanceWatch}): a long clean
     * stream judged day by day on its newest {@code baselineDays + JUDGED_DAYS} days, so the baseline slides. An
     * alarm counts when its crossing day is later than the last one recorded — as if a person resolved each at once,
     * which counts the most alarms (an open anomaly would hold the later ones back).
     */
    static double liveShiftFalseAlarmsPerChannelMonth(int channels, int months, long seed) {
        Map<String, Double> defaults = Detector.PERFORMANCE_SHIFT.defaults();
        PerformanceShift shift = new PerformanceShift(defaults);
        int baseline = (int) Math.round(defaults.get("baselineDays"));
        int window = baseline + PerformanceWatch.JUDGED_DAYS;
        int alarms = 0;
        for (int channel = 0; channel < channels; channel++) {
            List<PerformanceShift.Day> days = new GuardSimulation(seed + channel, 10)
                    .stream(baseline + months * MONTH_DAYS, -1, 1);
            Instant last = Instant.MIN;
            for (int d = baseline; d < days.size(); d++) {
                Optional<Anomaly> found = shift.judge("search", days.subList(Math.max(0, d + 1 - window), d + 1));
                if (found.isPresent() && found.get().detectedAt().isAfter(last)) {
                    alarms++;
                    last = found.get().detectedAt();
                }
            }
        }
        return alarms / (double) (channels * months);
    }

    /**
     * Days from a ×{@code factor} shift to the alarm as the service runs the detector: each run's stream has
     * 60–79 clean days before the shift (so the sliding baseline is all clean), judged day by day on its newest
     * {@code baselineDays + JUDGED_DAYS} days; the first alarm whose crossing day is on or after the shift counts.
     */
    static Figures liveDaysToDetectShift(double factor, int runs, long seed) {
        Map<String, Double> defaults = Detector.PERFORMANCE_SHIFT.defaults();
        PerformanceShift shift = new PerformanceShift(defaults);
        int window = (int) Math.round(defaults.get("baselineDays")) + PerformanceWatch.JUDGED_DAYS;
        List<Double> delays = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            int faultDay = 60 + run % 20;
            List<PerformanceShift.Day> days = new GuardSimulation(seed + run, 10).stream(faultDay + 40, faultDay,
                    factor);
            Instant shifted = days.get(faultDay).day().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            for (int d = faultDay; d < days.size(); d++) {
                Optional<Anomaly> found = shift.judge("search", days.subList(Math.max(0, d + 1 - window), d + 1));
                if (found.isPresent() && !found.get().detectedAt().isBefore(shifted)) {
                    delays.add(d - faultDay + 1.0);
                    break;
                }
            }
        }
        return Figures.of(delays, runs);
    }

    public static void main(String[] args) {
        for (double rate : new double[]{2, 10, 40}) {
            System.out.printf("touchpoints/h %.0f: tracking breakage %s, false alarms/channel-month %.3f%n", rate,
                    timeToDetect(Fault.TRACKING_BREAKAGE, rate, 200, 1000),
                    falseAlarmsPerChannelMonth(Detector.TRACKING_BREAKAGE, rate, 200, 5000));
        }
        System.out.printf("spend runaway x4: %s, false alarms/channel-month %.3f%n",
                timeToDetect(Fault.SPEND_RUNAWAY, 10, 200, 2000),
                falseAlarmsPerChannelMonth(Detector.SPEND_RUNAWAY, 10, 200, 6000));
        System.out.printf("performance shift x1.3 (days): %s, false alarms/channel-month %.3f%n",
                daysToDetectShift(1.3, 200, 3000), shiftFalseAlarmsPerChannelMonth(200, 7000));
        System.out.printf("performance shift live (sliding baseline) x1.3 (days): %s, false alarms/channel-month "
                + "%.3f%n", liveDaysToDetectShift(1.3, 200, 3000), liveShiftFalseAlarmsPerChannelMonth(50, 12, 9000));
    }
}
