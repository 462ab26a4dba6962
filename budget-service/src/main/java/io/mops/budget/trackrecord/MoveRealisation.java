package io.mops.budget.trackrecord;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import io.mops.common.trackrecord.Forecast;
import org.hipparchus.distribution.continuous.TDistribution;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an applied budget move brought, measured on the evidence the curves are fitted on: the moved channels'
 * credited value per period in the {@code K} whole periods after the move, against the same channels' credited
 * value per period in the {@code K} whole periods before it, scaled to the plan's period as the forecast was:
 *
 * <pre>realised = (Σ_c mean_after(c) − Σ_c mean_before(c)) × planPeriods</pre>
 *
 * <p>The period the move was made in is left out of both windows: it is partly before and partly after. This is a
 * before-and-after comparison, not an experiment: whatever else changed between the two windows (season, the market)
 * is in it too, which is why calibration is read over many moves, not one. Two things are handled rather than
 * left in it:
 * <ul>
 *   <li>The measurement is noisy: each period's outcome varies around its expectation even when nothing changes,
 *   and the difference of two {@code K}-period means scaled by the plan's periods carries that noise. Its standard
 *   error, estimated from the spread of the periods inside each window and widened for being estimated from few
 *   periods ({@link #smallSampleFactor}),
 *   <pre>SE_m = planPeriods × √(s²_before / K + s²_after / K) × t(0.95, 2K − 2) / z(0.95)</pre>
 *   is kept beside the realised value, and the realised value is judged against the forecast's interval widened
 *   by it (a prediction interval for the measurement, not the forecast's confidence interval for its mean).</li>
 *   <li>Another move of the same plan (or an exploration step, or a rollback) inside the window changes the split
 *   the window measures, so the change seen would be both moves' together: such a move is
 *   {@linkplain #overlapped unmeasurable}, said with the other move's day, rather than credited with both.</li>
 * </ul>
 */
public final class MoveRealisation {

    private MoveRealisation() {
    }

    /**
     * The periods compared: {@code baselineStart..baselineEnd} before the move, {@code afterStart..afterEnd} after it
     * (dates inclusive), each {@code periods} periods long.
     */
    public record Window(PeriodKind kind, int periods, LocalDate baselineStart, LocalDate baselineEnd,
                         LocalDate afterStart, LocalDate afterEnd) {

        /** The window around a move made on {@code moveDay}, whose period (day, or ISO week) is left out. */
        public static Window around(LocalDate moveDay, PeriodKind kind, int periods) {
            if (periods < 1) {
                throw new IllegalArgumentException("a window has at least one period, got " + periods);
            }
            LocalDate current = kind == PeriodKind.WEEK ? moveDay.with(DayOfWeek.MONDAY) : moveDay;
            int length = kind.days();
            LocalDate afterStart = current.plusDays(length);
            return new Window(kind, periods, current.minusDays((long) length * periods), current.minusDays(1),
                    afterStart, afterStart.plusDays((long) length * periods - 1));
        }

        List<LocalDate> baselineStarts() {
            return starts(baselineStart);
        }

        List<LocalDate> afterStarts() {
            return starts(afterStart);
        }

        private List<LocalDate> starts(LocalDate first) {
            List<LocalDate> starts = new ArrayList<>();
            for (int i = 0; i < periods; i++) {
                starts.add(first.plusDays((long) i * kind.days()));
            }
            return starts;
        }
    }

    /** One channel's credited value in one period. */
    public record PeriodValue(String channel, LocalDate periodStart, double creditedValue) {
    }

    public sealed interface Result permits Realised, Pending, Unmeasurable {
    }

    /**
     * @param change            the realised change over the plan's period, the forecast's unit
     * @param baselinePerPeriod the moved channels' credited value per period before the move
     * @param afterPerPeriod    the same after the move
     */
    /**
     * @param measurementStandardError the realised change's standard error from the spread of the periods inside
     *                                 the windows; {@code null} with windows of one period, where there is no spread
     */
    public record Realised(double change, double baselinePerPeriod, double afterPerPeriod,
                           Double measurementStandardError, String basis) implements Result {
    }

    /** Another change of the plan's split: a move, an exploration step or a rollback, on {@code day}. */
    public record OtherChange(String what, LocalDate day) {
    }

    /** Not measurable yet; may become so as periods end and evidence arrives. */
    public record Pending(String why) implements Result {
    }

    /** Never measurable: the move was undone before the periods after it were over. */
    public record Unmeasurable(String why) implements Result {
    }

    /**
     * @param channels     the channels the move changed
     * @param signals      the channels' credited value per period (others and periods outside the window ignored)
     * @param planPeriods  the plan's length in periods of the evidence, as the forecast was scaled ({@code D / 7}
     *                     for weeks)
     * @param today        the date now: the periods after the move must be over
     */
    public static Result realise(Window window, Set<String> channels, List<PeriodValue> signals, double planPeriods,
                                 LocalDate today) {
        if (!today.isAfter(window.afterEnd())) {
            return new Pending("waiting for the " + window.periods() + " " + unit(window) + " after the move, "
                    + window.afterStart() + " to " + window.afterEnd() + ", to end");
        }
        Map<String, Map<LocalDate, Double>> byChannel = new HashMap<>();
        for (PeriodValue signal : signals) {
            byChannel.computeIfAbsent(signal.channel(), c -> new HashMap<>())
                    .put(signal.periodStart(), signal.creditedValue());
        }
        List<String> missing = new ArrayList<>();
        double[] baseline = new double[window.periods()];
        double[] after = new double[window.periods()];
        for (String channel : new TreeSet<>(channels)) {
            Map<LocalDate, Double> values = byChannel.getOrDefault(channel, Map.of());
            add(values, window.baselineStarts(), baseline, channel, missing);
            add(values, window.afterStarts(), after, channel, missing);
        }
        if (!missing.isEmpty()) {
            return new Pending("no channel performance yet for " + String.join(", ", missing));
        }
        int k = window.periods();
        double baselinePerPeriod = mean(baseline);
        double afterPerPeriod = mean(after);
        double change = (afterPerPeriod - baselinePerPeriod) * planPeriods;
        Double measurementStandardError = k < 2 ? null
                : planPeriods * Math.sqrt(variance(baseline) / k + variance(after) / k) * smallSampleFactor(k);
        return new Realised(change, baselinePerPeriod, afterPerPeriod, measurementStandardError,
                String.format(Locale.ROOT, "credited value of %s: %.2f per %s in %s to %s after the move against %.2f "
                                + "in %s to %s before it, times %.4f %ss of the plan; %s",
                        String.join(", ", new TreeSet<>(channels)), afterPerPeriod, singular(window),
                        window.afterStart(), window.afterEnd(), baselinePerPeriod, window.baselineStart(),
                        window.baselineEnd(), planPeriods, singular(window), measurementStandardError == null
                                ? "one period a side gives no spread, so the measurement's noise is not known"
                                : String.format(Locale.ROOT, "the measurement's standard error %.2f", measurementStandardError)));
    }

    /**
     * The move measured in {@code window} cannot be told apart from another change of the plan's split inside it:
     * the window's after-periods (or its baseline) ran on a split that other change made.
     */
    public static Optional<Unmeasurable> overlapped(Window window, List<OtherChange> others) {
        return others.stream()
                .filter(o -> !o.day().isBefore(window.baselineStart()) && !o.day().isAfter(window.afterEnd()))
                .min(Comparator.comparing(OtherChange::day))
                .map(o -> new Unmeasurable(o.what() + " on " + o.day() + " changed the plan's split inside this move's "
                        + "window, " + window.baselineStart() + " to " + window.afterEnd() + ": the change measured would "
                        + "be both together, so neither is credited with it"));
    }

    /**
     * The spread is estimated from 2K − 2 degrees of freedom (four periods a side: six), and a normal interval on an
     * estimated standard error holds less than it claims (about 85 % for a nominal 90 % with six). Scaling the
     * standard error by t(0.95, 2K − 2) / z(0.95) makes the normal interval the t interval, so the judged interval
     * is honest for the few periods a window has.
     */
    static double smallSampleFactor(int periods) {
        double t = new TDistribution(2.0 * periods - 2).inverseCumulativeProbability(0.95);
        return t / Forecast.Z_90;
    }

    private static void add(Map<LocalDate, Double> values, List<LocalDate> starts, double[] totals, String channel,
                            List<String> missing) {
        for (int i = 0; i < starts.size(); i++) {
            Double value = values.get(starts.get(i));
            if (value == null) {
                missing.add(channel + " " + starts.get(i));
            } else {
                totals[i] += value;
            }
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The unbiased sample variance (n − 1). */
    private static double variance(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }

    /**
     * A move rolled back before the periods after it were over cannot be measured: those periods ran partly or
     * wholly on the allocations before it. One rolled back later keeps what was measured.
     */
    public static Optional<Unmeasurable> rolledBack(Window window, LocalDate rolledBackOn) {
        if (rolledBackOn.isAfter(window.afterEnd())) {
            return Optional.empty();
        }
        return Optional.of(new Unmeasurable("rolled back on " + rolledBackOn + ", before the " + window.periods()
                + " " + unit(window) + " after the move were over"));
    }

    private static String unit(Window window) {
        return singular(window) + "s";
    }

    private static String singular(Window window) {
        return window.kind().name().toLowerCase(Locale.ROOT);
    }
}
