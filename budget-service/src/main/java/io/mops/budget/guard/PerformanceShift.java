package io.mops.budget.guard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A channel's cost per conversion shifts beyond control limits: a two-sided tabular CUSUM on the daily log cost per
 * conversion, standardised by the mean and standard deviation of the first {@code baselineDays} days. The log makes
 * a rise and a fall of the same factor equally large and the day-to-day noise of a ratio of counts close to normal.
 * <p>
 * Why CUSUM: a broken bid strategy, a competitor's entry or a landing page fault is a step change that then
 * persists; for a step of a given size CUSUM has the shortest worst-case delay at a given false-alarm rate (Lorden,
 * Moustakides), and its two numbers have published run lengths (Montgomery, Table 9.3: k 0.5 and h 5 give an
 * in-control run of about 465 days two-sided, and detect a one-standard-deviation step in about 10 days) that let the
 * CoE choose them by the false alarms they accept. EWMA answers small drifts about as well but its limits are less
 * direct to set; a Bayesian change point gives a posterior but needs a hazard prior and costs more per day.
 */
public final class PerformanceShift {

    /** One day of a channel: what it spent and the conversions credited to it. */
    public record Day(LocalDate day, double spend, double conversions) {
    }

    private final double k;
    private final double h;
    private final int baselineDays;

    public PerformanceShift(Map<String, Double> thresholds) {
        this.k = thresholds.get("k");
        this.h = thresholds.get("h");
        this.baselineDays = (int) Math.round(thresholds.get("baselineDays"));
    }

    /**
     * The two-sided tabular CUSUM on standardised values: the upper sum accumulates values above {@code +k}, the
     * lower sum values below {@code -k}; either beyond {@code h} is an alarm.
     */
    public record Cusum(double k, double h, double upper, double lower) {

        public static Cusum start(double k, double h) {
            return new Cusum(k, h, 0, 0);
        }

        public Cusum next(double z) {
            return new Cusum(k, h, Math.max(0, upper + z - k), Math.max(0, lower - z - k));
        }

        public boolean alarm() {
            return upper > h || lower > h;
        }
    }

    /**
     * Runs the CUSUM over the days after the baseline, oldest first, and reports the first day it crosses its limit.
     * Days without spend or without conversions are skipped: a day without conversions is tracking's concern.
     */
    public Optional<Anomaly> judge(String channel, List<Day> days) {
        List<Day> usable = days.stream().filter(d -> d.spend() > 0 && d.conversions() > 0).toList();
        if (usable.size() <= baselineDays) {
            return Optional.empty();
        }
        double[] baseline = usable.subList(0, baselineDays).stream().mapToDouble(PerformanceShift::logCost).toArray();
        // hipparchus-stat is not on this service's classpath; a mean and a sample deviation need no library.
        double mean = java.util.Arrays.stream(baseline).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(baseline).map(x -> (x - mean) * (x - mean)).sum()
                / (baseline.length - 1));
        if (!(sd > 0)) {
            return Optional.empty();
        }
        Cusum cusum = Cusum.start(k, h);
        for (Day day : usable.subList(baselineDays, usable.size())) {
            cusum = cusum.next((logCost(day) - mean) / sd);
            if (cusum.alarm()) {
                double cost = day.spend() / day.conversions();
                double normal = Math.exp(mean);
                String direction = cusum.upper() > h ? "up" : "down";
                return Optional.of(new Anomaly(Detector.PERFORMANCE_SHIFT, channel,
                        day.day().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), cost, normal,
                        Math.max(cusum.upper(), cusum.lower()), String.format(
                        "%s: cost per conversion %.2f on %s against %.2f in control; CUSUM %s %.2f beyond %.2f",
                        channel, cost, day.day(), normal, direction, Math.max(cusum.upper(), cusum.lower()), h),
                        Severity.above(Math.max(cusum.upper(), cusum.lower()), h)));
            }
        }
        return Optional.empty();
    }

    private static double logCost(Day day) {
        return Math.log(day.spend() / day.conversions());
    }
}
