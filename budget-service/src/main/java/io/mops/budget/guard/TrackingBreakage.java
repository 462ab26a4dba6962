package io.mops.budget.guard;

import org.hipparchus.distribution.discrete.PoissonDistribution;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A channel's touchpoints fall to near zero while its spend continues: the signature of a broken tag, pixel or
 * feed. The channel's normal rate for each hour of day is learnt from its recent days; the touchpoints of the
 * last 1, 2, … {@code windowHours} hours are judged together against a Poisson count with the summed expected
 * rate, and the detector fires on the first window whose count is both improbable (exact Poisson lower tail at
 * most {@code maxProbability}) and near zero (at most {@code maxShareOfExpected} of the expectation). Judging
 * short and longer windows lets a busy channel be caught in one hour and a quiet one once enough hours add up.
 * Only hours with spend count: a channel that neither spends nor is touched is paused, not broken.
 */
public final class TrackingBreakage {

    /** Days of history the normal rate is learnt from; fewer than {@link IntradayProfile#MIN_DAYS} say too little. */
    public static final int HISTORY_DAYS = 7;

    private final double maxProbability;
    private final double maxShareOfExpected;
    private final int windowHours;

    public TrackingBreakage(Map<String, Double> thresholds) {
        this.maxProbability = thresholds.get("maxProbability");
        this.maxShareOfExpected = thresholds.get("maxShareOfExpected");
        this.windowHours = (int) Math.round(thresholds.get("windowHours"));
    }

    /**
     * @param history the channel's hours before the recent ones (whole days, up to {@link #HISTORY_DAYS})
     * @param recent  the latest hours, oldest first; the last one just ended
     */
    public Optional<Anomaly> judge(String channel, List<ChannelHour> history, List<ChannelHour> recent) {
        if (history.size() < IntradayProfile.MIN_DAYS * 24 || recent.isEmpty()) {
            return Optional.empty();
        }
        double[] rate = hourlyRate(history);
        long observed = 0;
        double expected = 0;
        for (int w = 1; w <= Math.min(windowHours, recent.size()); w++) {
            ChannelHour hour = recent.get(recent.size() - w);
            if (hour.spend() <= 0) {
                return Optional.empty();
            }
            observed += hour.touchpoints();
            expected += rate[hour.hourOfDay()];
            if (expected <= 0) {
                continue;
            }
            double probability = lowerTail(observed, expected);
            if (probability <= maxProbability && observed <= maxShareOfExpected * expected) {
                ChannelHour last = recent.get(recent.size() - 1);
                return Optional.of(new Anomaly(Detector.TRACKING_BREAKAGE, channel, last.hour().plusSeconds(3600),
                        observed, expected, probability, String.format(
                        "%s: %d touchpoints in the last %d hours while spending, against %.1f expected; "
                                + "P(at most %d) = %.2e under the channel's normal rate", channel, observed, w,
                        expected, observed, probability),
                        // Against the share of the expectation that is still a breakage: none arrived is infinite.
                        Severity.below(observed / expected, maxShareOfExpected)));
            }
        }
        return Optional.empty();
    }

    /** P(N ≤ observed) for N ~ Poisson(expected), exactly. */
    static double lowerTail(long observed, double expected) {
        return new PoissonDistribution(expected).cumulativeProbability((int) Math.min(observed, Integer.MAX_VALUE));
    }

    /** Mean touchpoints per hour of day over the history, from days that had any spend or touchpoints. */
    static double[] hourlyRate(List<ChannelHour> history) {
        double[] totals = new double[24];
        int[] counts = new int[24];
        for (ChannelHour hour : history) {
            totals[hour.hourOfDay()] += hour.touchpoints();
            counts[hour.hourOfDay()]++;
        }
        double[] rate = new double[24];
        for (int h = 0; h < 24; h++) {
            rate[h] = counts[h] == 0 ? 0 : totals[h] / counts[h];
        }
        return rate;
    }
}
