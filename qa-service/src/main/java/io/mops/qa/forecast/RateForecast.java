package io.mops.qa.forecast;

import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.BetaDistribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A forecast of one rate of the campaign about to launch: the predictive distribution of the rate it will actually
 * report — its successes over its planned trials — with the audience's uncertain typical rate, the
 * campaign-to-campaign spread and the binomial noise of its size all in it.
 *
 * <p>The next campaign's true rate is a mixture ({@link ChannelRateModel.NextCampaign#mixture()}); each part is given
 * the Beta distribution with its mean and variance, so its successes out of {@code plannedTrials} are beta-binomial,
 * and the whole is a mixture of beta-binomials, computed exactly ({@link BetaBinomial}). When the successes spread
 * with a standard deviation of more than {@value #COUNTED_SPREAD} (large campaigns, where a count more or less no
 * longer matters), the reported rate is read from the continuous limit instead: each part a Beta with its
 * beta-binomial's mean and variance on the rate scale.
 *
 * @param rate           the expected rate
 * @param low            the 5 % quantile of the rate the campaign will report
 * @param high           the 95 % quantile: the campaign lands in [low, high] nine times in ten
 * @param plannedTrials  the exposures (click rate) or clicks (conversion rate) the forecast is for
 * @param next           what the model expects of the campaign's true rate, and how much campaigns and audiences
 *                       of the channel differ
 * @param outcome        the distribution of the rate the campaign will report
 */
public record RateForecast(double rate, double low, double high, long plannedTrials,
                           ChannelRateModel.NextCampaign next, Outcome outcome) {

    /** The interval holds the campaign's reported rate with this probability. */
    public static final double CREDIBILITY = 0.90;
    /**
     * The standard deviation, in successes, up to which they are counted exactly. Beyond it the continuous limit
     * places the interval's ends within a few hundredths of a standard deviation of the exact ones, and the count
     * by count distribution would cost hundreds of thousands of steps per part of the mixture.
     */
    static final double COUNTED_SPREAD = 500;
    /** A Beta for the campaign's true rate is never flatter than this many observations' worth. */
    static final double MINIMUM_STRENGTH = 2;

    public static RateForecast of(ChannelRateModel.NextCampaign next, long plannedTrials) {
        if (plannedTrials < 1) {
            throw new IllegalArgumentException("a forecast is for at least one trial, got " + plannedTrials);
        }
        List<ChannelRateModel.Component> parts = next.mixture();
        double reportedVariance = next.variance() + (next.rate() * (1 - next.rate()) - next.variance()) / plannedTrials;
        boolean countable = plannedTrials * Math.sqrt(reportedVariance) <= COUNTED_SPREAD;
        Outcome outcome = (countable ? counted(parts, plannedTrials) : Optional.<Outcome>empty())
                .orElseGet(() -> ContinuousLimit.of(parts, plannedTrials));
        double tail = (1 - CREDIBILITY) / 2;
        return new RateForecast(next.rate(), outcome.quantile(tail), outcome.quantile(1 - tail), plannedTrials,
                next, outcome);
    }

    /** The successes of the mixture's parts, counted exactly; empty when they spread over too many counts. */
    static Optional<Outcome> counted(List<ChannelRateModel.Component> parts, long trials) {
        double[] weights = new double[parts.size()];
        double[] alphas = new double[parts.size()];
        double[] betas = new double[parts.size()];
        for (int j = 0; j < weights.length; j++) {
            ChannelRateModel.Component part = parts.get(j);
            double strength = strength(part.rate(), part.variance());
            weights[j] = part.weight();
            alphas[j] = part.rate() * strength;
            betas[j] = (1 - part.rate()) * strength;
        }
        return BetaBinomial.mixture(trials, weights, alphas, betas).map(Counted::new);
    }

    /** The probability that the campaign's reported rate reaches {@code target}. */
    public double chanceOfReaching(BigDecimal target) {
        return outcome.chanceOfReaching(target);
    }

    public double chanceOfReaching(double target) {
        return chanceOfReaching(BigDecimal.valueOf(target));
    }

    /** α + β of the Beta with this mean and variance, kept at least {@value #MINIMUM_STRENGTH}. */
    static double strength(double mean, double variance) {
        double spread = variance > 0 ? mean * (1 - mean) / variance - 1 : Double.MAX_VALUE / 4;
        return Math.max(MINIMUM_STRENGTH, Math.min(spread, 1e15));
    }

    /** The distribution of the rate the campaign will report. */
    public sealed interface Outcome permits Counted, ContinuousLimit {

        /** The rate below which the campaign's reported rate falls with probability at most {@code p}. */
        double quantile(double p);

        double chanceOfReaching(BigDecimal target);
    }

    /** Successes counted exactly: the rate is k / n for the beta-binomial's k. */
    record Counted(BetaBinomial successes) implements Outcome {

        @Override
        public double quantile(double p) {
            return (double) successes.inverseCumulativeProbability(p) / successes.trials();
        }

        /** The campaign reaches the target when k / n ≥ target, that is k ≥ ⌈target · n⌉ (in decimal, exactly). */
        @Override
        public double chanceOfReaching(BigDecimal target) {
            long needed = target.multiply(BigDecimal.valueOf(successes.trials()))
                    .setScale(0, RoundingMode.CEILING).longValueExact();
            return successes.chanceOfAtLeast(needed);
        }
    }

    /**
     * For very large campaigns: each part of the mixture as the Beta with its beta-binomial's mean and variance on
     * the rate scale (the binomial noise of n trials added), mixed with the same weights.
     */
    record ContinuousLimit(long trials, double[] weights, BetaDistribution[] parts) implements Outcome {

        /** To a hundred-millionth of a percentage point. */
        private static final BrentSolver QUANTILE_SOLVER = new BrentSolver(1e-10, 1e-12, 1e-14);

        static ContinuousLimit of(List<ChannelRateModel.Component> mixture, long trials) {
            double[] weights = new double[mixture.size()];
            BetaDistribution[] parts = new BetaDistribution[mixture.size()];
            for (int j = 0; j < parts.length; j++) {
                ChannelRateModel.Component part = mixture.get(j);
                double mean = part.rate();
                double reported = part.variance() + (mean * (1 - mean) - part.variance()) / trials;
                double strength = strength(mean, reported);
                weights[j] = part.weight();
                parts[j] = BetaDistribution.of(mean * strength, (1 - mean) * strength);
            }
            return new ContinuousLimit(trials, weights, parts);
        }

        /** The mixture's quantile has no closed form: Brent's method on its distribution function, from its mean. */
        @Override
        public double quantile(double p) {
            double mean = 0;
            for (int j = 0; j < parts.length; j++) {
                mean += weights[j] * parts[j].getMean();
            }
            return QUANTILE_SOLVER.findRoot(rate -> cumulativeProbability(rate) - p, 0, mean, 1);
        }

        /** As P(X ≥ ⌈target · n⌉) with a continuity correction: half a success below that count. */
        @Override
        public double chanceOfReaching(BigDecimal target) {
            BigDecimal n = BigDecimal.valueOf(trials);
            long needed = target.multiply(n).setScale(0, RoundingMode.CEILING).longValueExact();
            return needed <= 0 ? 1 : 1 - cumulativeProbability((needed - 0.5) / trials);
        }

        private double cumulativeProbability(double rate) {
            double total = 0;
            for (int j = 0; j < parts.length; j++) {
                total += weights[j] * parts[j].cumulativeProbability(rate);
            }
            return total;
        }
    }
}
