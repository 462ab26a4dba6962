package io.mops.budget.guard;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How a channel's day is shared among its 24 hours (UTC): what share of a day's spend, or of its touchpoints, falls
 * into each hour. Learnt from the channel's own recent days, because ad platforms spend and people click far more
 * at noon than at four in the morning; judging a night hour against an even share would be judging it against
 * twice its normal amount.
 */
public final class IntradayProfile {

    /** Fewer full days than this say too little about the shape of a day; the profile is then even. */
    public static final int MIN_DAYS = 3;

    private final double[] shares;

    private IntradayProfile(double[] shares) {
        this.shares = shares;
    }

    public static IntradayProfile even() {
        double[] shares = new double[24];
        Arrays.fill(shares, 1.0 / 24);
        return new IntradayProfile(shares);
    }

    /**
     * Shares by hour of day over the given hours (whole days of them). Each hour of day gets a floor of a tenth of an
     * even share, so that an hour that was empty in the history does not make any activity in it look infinite.
     */
    public static IntradayProfile learn(List<ChannelHour> history, ToDoubleFunction<ChannelHour> measure) {
        if (history.size() < MIN_DAYS * 24) {
            return even();
        }
        double[] totals = new double[24];
        for (ChannelHour hour : history) {
            totals[hour.hourOfDay()] += measure.applyAsDouble(hour);
        }
        double sum = Arrays.stream(totals).sum();
        if (sum <= 0) {
            return even();
        }
        double floor = 0.1 / 24;
        double[] shares = new double[24];
        double floored = 0;
        for (int h = 0; h < 24; h++) {
            shares[h] = Math.max(totals[h] / sum, floor);
            floored += shares[h];
        }
        for (int h = 0; h < 24; h++) {
            shares[h] /= floored;
        }
        return new IntradayProfile(shares);
    }

    public double share(int hourOfDay) {
        return shares[hourOfDay];
    }

    /** The share of the day in its hours before {@code hourOfDay} and in it: what should be spent by its end. */
    public double shareThrough(int hourOfDay) {
        double share = 0;
        for (int h = 0; h <= hourOfDay; h++) {
            share += shares[h];
        }
        return share;
    }
}
