package io.mops.qa.forecast;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * What is believed about a rate (clicks per exposure, conversions per click): a Beta(α, β) distribution. Conjugate to
 * the binomial, so learning from {@code successes} out of {@code trials} is adding them to α and the failures to β.
 */
public record BetaBelief(double alpha, double beta) {

    /** Knowing nothing: every rate between 0 and 1 equally likely. */
    public static final BetaBelief UNIFORM = new BetaBelief(1, 1);

    public BetaBelief {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("a Beta belief needs finite α > 0 and β > 0, got " + alpha + ", " + beta);
        }
    }

    /** The belief with mean {@code mean} worth {@code strength} observations (α + β). */
    public static BetaBelief withMean(double mean, double strength) {
        return new BetaBelief(mean * strength, (1 - mean) * strength);
    }

    public BetaBelief observe(long successes, long trials) {
        return new BetaBelief(alpha + successes, beta + (trials - successes));
    }

    public double mean() {
        return alpha / (alpha + beta);
    }

    /** How many observations this belief is worth. */
    public double strength() {
        return alpha + beta;
    }

    /** The rate below which the belief puts probability {@code p}. */
    public double quantile(double p) {
        return BetaDistribution.of(alpha, beta).inverseCumulativeProbability(p);
    }

    /** The probability the rate is at least {@code rate}. */
    public double chanceOfAtLeast(double rate) {
        return BetaDistribution.of(alpha, beta).survivalProbability(rate);
    }
}
