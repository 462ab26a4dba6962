package io.mops.testing.statistics;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * Beta posterior of a conversion rate. With the uniform prior Beta(1, 1), {@code c} conversions out of {@code n}
 * exposed units give Beta(1 + c, 1 + n - c).
 */
public record BetaPosterior(double alpha, double beta) implements Posterior {

    public BetaPosterior {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("Beta parameters must be finite and positive: " + alpha + ", " + beta);
        }
    }

    /** The posterior after {@code conversions} of {@code exposures} units converted, from a uniform prior. */
    public static BetaPosterior afterObserving(long conversions, long exposures) {
        if (conversions < 0 || exposures < conversions) {
            throw new IllegalArgumentException("need 0 <= conversions <= exposures, got " + conversions + " of " + exposures);
        }
        return new BetaPosterior(1.0 + conversions, 1.0 + exposures - conversions);
    }

    /** The same for effective (period-weighted, {@link PeriodWeights}) counts, which need not be whole. */
    public static BetaPosterior afterObserving(double conversions, double exposures) {
        if (!(conversions >= 0) || !(exposures >= conversions)) {
            throw new IllegalArgumentException("need 0 <= conversions <= exposures, got " + conversions + " of " + exposures);
        }
        return new BetaPosterior(1.0 + conversions, 1.0 + exposures - conversions);
    }

    @Override
    public double mean() {
        return alpha / (alpha + beta);
    }

    @Override
    public double standardDeviation() {
        double sum = alpha + beta;
        return Math.sqrt(alpha * beta / (sum * sum * (sum + 1.0)));
    }

    @Override
    public double cumulativeProbability(double x) {
        return BetaDistribution.of(alpha, beta).cumulativeProbability(x);
    }

    @Override
    public double quantile(double p) {
        return BetaDistribution.of(alpha, beta).inverseCumulativeProbability(p);
    }

    /**
     * Evaluated from the grid's precomputed logarithms rather than by the library's density, which recomputes
     * them for every call: this loop runs hundreds of thousands of times for a 500-variant experiment.
     */
    @Override
    public double[] densitiesOn(IntegrationGrid grid) {
        double logNormaliser = LogBeta.value(alpha, beta);
        double[] points = grid.points();
        double[] logX = grid.logPoints();
        double[] logOneMinusX = grid.logOneMinusPoints();
        double[] densities = new double[logX.length];
        for (int k = 0; k < densities.length; k++) {
            double log = (alpha - 1.0) * logX[k] + (beta - 1.0) * logOneMinusX[k] - logNormaliser;
            if (Double.isNaN(log) || Double.isInfinite(log)) {
                // At 0 and 1 the logarithms are infinite; the library knows the limits there.
                densities[k] = BetaDistribution.of(alpha, beta).density(points[k]);
            } else {
                // Far in the tails the density is zero for every purpose; skipping exp() there halves the cost.
                densities[k] = log < -700.0 ? 0.0 : Math.exp(log);
            }
        }
        return densities;
    }

    @Override
    public double supportLowerBound() {
        return 0.0;
    }

    @Override
    public double supportUpperBound() {
        return 1.0;
    }
}
