package io.mops.qa.forecast;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.statistics.distribution.BinomialDistribution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The known truth of the forecast's simulations, drawn here and never by the code under test: audience rates spread
 * log-normally around the channel's rate, campaign rates log-normally around their audience's (a multiplicative
 * effect with mean 1 and the given relative standard deviation; deliberately not the Beta the model assumes), and
 * binomial successes.
 */
final class SimulatedChannel {

    private final UniformRandomProvider rng;
    private final NormalizedGaussianSampler gaussian;
    private final double campaignSigma;
    private final double audienceSigma;

    /**
     * @param campaignSpread relative standard deviation of a campaign's rate around its audience's (0.2: ±20 %)
     * @param audienceSpread relative standard deviation of an audience's rate around the channel's
     */
    SimulatedChannel(UniformRandomProvider rng, double campaignSpread, double audienceSpread) {
        this.rng = rng;
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        this.campaignSigma = Math.sqrt(Math.log1p(campaignSpread * campaignSpread));
        this.audienceSigma = Math.sqrt(Math.log1p(audienceSpread * audienceSpread));
    }

    double audienceRate(double channelRate) {
        return Math.min(1, channelRate * factor(audienceSigma));
    }

    double campaignRate(double audienceRate) {
        return Math.min(1, audienceRate * factor(campaignSigma));
    }

    long successes(long trials, double rate) {
        if (trials == 0) {
            return 0;
        }
        return BinomialDistribution.of(Math.toIntExact(trials), rate).createSampler(rng).sample();
    }

    /**
     * What one who knows the audience's true rate and the campaign spread would give for P(successes / trials ≥
     * target): the binomial tail averaged over 100 draws of the campaign's rate (Monte Carlo, same seeded stream).
     */
    double chanceOfReaching(double audienceRate, long trials, BigDecimal target) {
        long needed = target.multiply(BigDecimal.valueOf(trials)).setScale(0, RoundingMode.CEILING).longValueExact();
        double sum = 0;
        int draws = 100;
        for (int i = 0; i < draws; i++) {
            double rate = campaignRate(audienceRate);
            sum += needed <= 0 ? 1 : BinomialDistribution.of(Math.toIntExact(trials), rate).survivalProbability(
                    Math.toIntExact(needed - 1));
        }
        return sum / draws;
    }

    /** A standard normal draw. */
    double gaussian() {
        return gaussian.sample();
    }

    double uniform(double low, double high) {
        return low + (high - low) * rng.nextDouble();
    }

    int uniform(int low, int highInclusive) {
        return low + rng.nextInt(highInclusive - low + 1);
    }

    /** A size spread evenly on the log scale between {@code low} and {@code high}. */
    long logUniform(long low, long high) {
        return Math.round(Math.exp(uniform(Math.log(low), Math.log(high))));
    }

    /** A log-normal factor with mean 1. */
    private double factor(double sigma) {
        return sigma == 0 ? 1 : Math.exp(sigma * gaussian.sample() - sigma * sigma / 2);
    }
}
