package io.mops.budget.signal;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The evidence one response curve is fitted on: a channel's spend and attributed value per period, oldest first,
 * with no period missing in between.
 *
 * <p><b>Gaps.</b> A period without a signal is unknown, not zero: attribution publishes a period for every channel
 * that had a touchpoint, a credited conversion or spend in it, so a missing period means either a channel that was
 * switched off or evidence that has not arrived — and a curve cannot tell the two apart. Filling it with zero spend
 * would teach the curve that the carry-over of earlier spend came for free; interpolating would invent data. The
 * series is therefore the <em>newest run of consecutive periods</em>: what lies before the newest gap is left out, and
 * the curve's adstock starts afresh at the run's first period, as it does at the start of any series. If that run is
 * too short for a curve, the channel is held, and the reason says why.
 *
 * @param periods          the run, oldest first
 * @param cutOffBeforeGap  periods with a signal that lie before the newest gap and were left out
 */
public record EvidenceSeries(PeriodKind kind, List<Period> periods, int cutOffBeforeGap) {

    /** One period's figures. */
    public record Period(LocalDate start, double spend, double value) {

        public Period {
            Objects.requireNonNull(start, "start");
        }
    }

    public EvidenceSeries {
        Objects.requireNonNull(kind, "kind");
        periods = List.copyOf(periods);
    }

    /**
     * The newest run of consecutive periods among {@code signals} (in any order), at most {@code maxPeriods} long.
     *
     * @throws IllegalArgumentException when two signals are for the same period, or one does not start a period of
     *                                  {@code kind}
     */
    public static EvidenceSeries newestRun(PeriodKind kind, Collection<Period> signals, int maxPeriods) {
        if (maxPeriods < 1) {
            throw new IllegalArgumentException("maxPeriods must be at least 1");
        }
        List<Period> newestFirst = new ArrayList<>(signals);
        newestFirst.sort(Comparator.comparing(Period::start).reversed());
        List<Period> run = new ArrayList<>();
        int index = 0;
        for (; index < newestFirst.size() && run.size() < maxPeriods; index++) {
            Period period = newestFirst.get(index);
            if (!kind.startOf(period.start()).equals(period.start())) {
                throw new IllegalArgumentException(period.start() + " does not start a " + kind);
            }
            if (!run.isEmpty()) {
                LocalDate expected = run.getLast().start().minusDays(kind.days());
                if (period.start().equals(run.getLast().start())) {
                    throw new IllegalArgumentException("two signals for the " + kind + " of " + period.start());
                }
                if (!period.start().equals(expected)) {
                    break;
                }
            }
            run.add(period);
        }
        int cutOff = run.size() < maxPeriods ? newestFirst.size() - index : 0;
        return new EvidenceSeries(kind, run.reversed(), cutOff);
    }

    public int size() {
        return periods.size();
    }

    public Optional<LocalDate> firstPeriod() {
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods.getFirst().start());
    }

    public Optional<LocalDate> lastPeriod() {
        return periods.isEmpty() ? Optional.empty() : Optional.of(periods.getLast().start());
    }

    /** Spend per period, oldest first: the fitter's input. */
    public double[] spend() {
        return periods.stream().mapToDouble(Period::spend).toArray();
    }

    /** Attributed value per period, oldest first: what the curve explains. */
    public double[] value() {
        return periods.stream().mapToDouble(Period::value).toArray();
    }

    /** Says what the series is, for an explanation: "12 weeks from 2026-08-31 to 2026-11-22; 3 earlier weeks …". */
    public String describe() {
        String unit = kind == PeriodKind.WEEK ? "week" : "day";
        if (periods.isEmpty()) {
            return "no " + unit + " with a signal";
        }
        String text = periods.size() + " " + unit + (periods.size() == 1 ? "" : "s") + " from " + firstPeriod().get()
                + " to " + kind.endOf(lastPeriod().get());
        return cutOffBeforeGap == 0 ? text
                : text + "; " + cutOffBeforeGap + " earlier " + unit + (cutOffBeforeGap == 1 ? "" : "s")
                + " before a gap left out";
    }
}
