package io.mops.budget.trackrecord;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * before-and-after comparison, not an experiment: whatever else changed between the two windows (season, other
 * moves, the market) is in it too, which is why calibration is read over many moves, not one.
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
    public record Realised(double change, double baselinePerPeriod, double afterPerPeriod, String basis)
            implements Result {
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
        double baseline = 0;
        double after = 0;
        for (String channel : new TreeSet<>(channels)) {
            Map<LocalDate, Double> values = byChannel.getOrDefault(channel, Map.of());
            for (LocalDate start : window.baselineStarts()) {
                Double value = values.get(start);
                if (value == null) {
                    missing.add(channel + " " + start);
                } else {
                    baseline += value;
                }
            }
            for (LocalDate start : window.afterStarts()) {
                Double value = values.get(start);
                if (value == null) {
                    missing.add(channel + " " + start);
                } else {
                    after += value;
                }
            }
        }
        if (!missing.isEmpty()) {
            return new Pending("no channel performance yet for " + String.join(", ", missing));
        }
        double baselinePerPeriod = baseline / window.periods();
        double afterPerPeriod = after / window.periods();
        double change = (afterPerPeriod - baselinePerPeriod) * planPeriods;
        return new Realised(change, baselinePerPeriod, afterPerPeriod, String.format(Locale.ROOT,
                "credited value of %s: %.2f per %s in %s to %s after the move against %.2f in %s to %s before it, "
                        + "times %.4f %ss of the plan", String.join(", ", new TreeSet<>(channels)), afterPerPeriod,
                singular(window), window.afterStart(), window.afterEnd(), baselinePerPeriod, window.baselineStart(),
                window.baselineEnd(), planPeriods, singular(window)));
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
