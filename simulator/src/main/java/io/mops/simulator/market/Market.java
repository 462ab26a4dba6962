package io.mops.simulator.market;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The market's truth as a function of what is spent: the same for every strategy, so that strategies are compared
 * on identical conditions (common random numbers: the ad platforms' delivery jitter is drawn once per seed).
 */
public final class Market {

    private final MarketSpec spec;
    private final List<TrueResponse> responses;
    private final double[][] deliveryFactor;

    public Market(MarketSpec spec, long seed) {
        this.spec = spec;
        this.responses = spec.channels().stream().map(TrueResponse::new).toList();
        UniformRandomProvider jitter = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x5DEECE66DL);
        int days = spec.days();
        int channels = responses.size();
        this.deliveryFactor = new double[days][channels];
        for (int t = 0; t < days; t++) {
            for (int c = 0; c < channels; c++) {
                double factor = 1 + spec.spendJitter() * (2 * jitter.nextDouble() - 1);
                for (FaultSpec fault : spec.faults()) {
                    if (FaultSpec.SPEND_SPIKE.equals(fault.kind()) && fault.channel().equals(channel(c)) && fault.covers(t)) {
                        factor *= fault.factor();
                    }
                }
                deliveryFactor[t][c] = factor;
            }
        }
    }

    public MarketSpec spec() {
        return spec;
    }

    public int channels() {
        return responses.size();
    }

    public String channel(int c) {
        return responses.get(c).channel();
    }

    public TrueResponse response(int c) {
        return responses.get(c);
    }

    public LocalDate date(int day) {
        return spec.start().plusDays(day);
    }

    public int dayOfWeek(int day) {
        return date(day).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
    }

    /** What the ad platform really spends when told to spend {@code budgeted} on {@code day}. */
    public double delivered(int day, int c, double budgeted) {
        return budgeted * deliveryFactor[day][c];
    }

    /** Whether the channel's touchpoints and conversions reach MOPS on {@code day}. */
    public boolean trackingWorks(int day, int c) {
        return spec.faults().stream().noneMatch(f -> FaultSpec.TRACKING_OUTAGE.equals(f.kind())
                && f.channel().equals(channel(c)) && f.covers(day));
    }

    /**
     * Expected incremental conversions per day and channel when the ad platforms are told to spend
     * {@code budgeted[t][c]} (before delivery jitter), with adstock carried from day to day.
     */
    public Outcome evaluate(double[][] budgeted) {
        int days = budgeted.length;
        double[][] spent = new double[days][channels()];
        double[][] conversions = new double[days][channels()];
        double[] adstock = new double[channels()];
        for (int t = 0; t < days; t++) {
            for (int c = 0; c < channels(); c++) {
                TrueResponse r = responses.get(c);
                spent[t][c] = delivered(t, c, budgeted[t][c]);
                adstock[c] = spent[t][c] + r.decay() * adstock[c];
                conversions[t][c] = r.scaleOn(t, dayOfWeek(t)) * r.response(adstock[c]);
            }
        }
        return new Outcome(spent, conversions, responses.stream().mapToDouble(TrueResponse::meanConversionValue).toArray());
    }

    /** Spend and expected incremental conversions per day and channel. */
    public record Outcome(double[][] spent, double[][] conversions, double[] valuePerConversion) {

        public double spend(int fromDay, int toDay) {
            double s = 0;
            for (int t = fromDay; t < toDay; t++) {
                for (double x : spent[t]) {
                    s += x;
                }
            }
            return s;
        }

        public double conversions(int fromDay, int toDay) {
            double s = 0;
            for (int t = fromDay; t < toDay; t++) {
                for (double y : conversions[t]) {
                    s += y;
                }
            }
            return s;
        }

        public double value(int fromDay, int toDay) {
            double s = 0;
            for (int t = fromDay; t < toDay; t++) {
                for (int c = 0; c < conversions[t].length; c++) {
                    s += conversions[t][c] * valuePerConversion[c];
                }
            }
            return s;
        }

        public double conversionsOf(int c, int fromDay, int toDay) {
            double s = 0;
            for (int t = fromDay; t < toDay; t++) {
                s += conversions[t][c];
            }
            return s;
        }
    }
}
