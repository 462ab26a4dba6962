package io.mops.qa.forecast;

import java.util.List;

/**
 * The empirical-Bayes prior for a rate on a channel: a Beta distribution fitted by the method of moments to the rates
 * of the channel's past campaigns, so that a forecast for an audience with little history leans on what the channel
 * usually does, and one with much history leans on its own.
 *
 * <p>With per-campaign rates p<sub>i</sub> = s<sub>i</sub>/n<sub>i</sub>, their mean m and sample variance s², part
 * of s² is binomial noise, about m(1−m)·mean(1/n<sub>i</sub>); the rest, τ², is how much campaigns really differ. A
 * Beta(α, β) with mean m and variance τ² has α + β = m(1−m)/τ² − 1. That strength is kept between
 * {@value #MINIMUM_STRENGTH} and the number of trials the history holds (a prior is never worth more than the data it
 * came from); when the campaigns differ no more than noise explains (τ² ≤ 0), it is that upper bound.
 *
 * <p>With fewer than {@value #MINIMUM_CAMPAIGNS} campaigns a variance says nothing, and with a mean of exactly 0 or 1
 * no Beta fits: the prior is then uniform, Beta(1, 1), and the forecast is the audience's own data.
 */
public final class ChannelPrior {

    static final int MINIMUM_CAMPAIGNS = 3;
    static final double MINIMUM_STRENGTH = 2;

    private ChannelPrior() {
    }

    /** One past campaign's successes out of trials (clicks out of exposures, or conversions out of clicks). */
    public record Observed(long successes, long trials) {
    }

    public static BetaBelief fit(List<Observed> campaigns) {
        List<Observed> usable = campaigns.stream().filter(c -> c.trials() > 0).toList();
        int k = usable.size();
        if (k < MINIMUM_CAMPAIGNS) {
            return BetaBelief.UNIFORM;
        }
        double mean = usable.stream().mapToDouble(ChannelPrior::rate).average().orElseThrow();
        if (mean <= 0 || mean >= 1) {
            return BetaBelief.UNIFORM;
        }
        double variance = usable.stream().mapToDouble(c -> Math.pow(rate(c) - mean, 2)).sum() / (k - 1);
        double noise = mean * (1 - mean) * usable.stream().mapToDouble(c -> 1.0 / c.trials()).average().orElseThrow();
        double between = variance - noise;
        double totalTrials = usable.stream().mapToDouble(Observed::trials).sum();
        double maximum = Math.max(MINIMUM_STRENGTH, totalTrials);
        double strength = between <= 0 ? maximum
                : Math.min(maximum, Math.max(MINIMUM_STRENGTH, mean * (1 - mean) / between - 1));
        return BetaBelief.withMean(mean, strength);
    }

    private static double rate(Observed c) {
        return (double) c.successes() / c.trials();
    }
}
