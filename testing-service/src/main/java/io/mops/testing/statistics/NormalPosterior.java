package io.mops.testing.statistics;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Normal approximation to the posterior of a mean value per unit (revenue per visitor, say): by the central limit
 * theorem and a flat prior, the mean is Normal(sample mean, sample standard deviation / sqrt(n)).
 */
public record NormalPosterior(double mean, double standardDeviation) implements Posterior {

    public NormalPosterior {
        if (!Double.isFinite(mean) || !(standardDeviation > 0) || Double.isInfinite(standardDeviation)) {
            throw new IllegalArgumentException("need a finite mean and a positive standard deviation: "
                    + mean + ", " + standardDeviation);
        }
    }

    /**
     * The posterior of the mean from a sample summary. A sample with no spread (every unit the same value) would
     * claim certainty; its standard error is floored at a millionth of the scale instead.
     *
     * @param units the (effective, after period weighting) number of units
     */
    public static NormalPosterior ofSample(double units, double sampleMean, double sampleStandardDeviation) {
        if (!(units > 0)) {
            throw new IllegalArgumentException("a mean needs units, got " + units);
        }
        double standardError = sampleStandardDeviation / Math.sqrt(units);
        double floor = 1e-6 * Math.max(1.0, Math.abs(sampleMean));
        return new NormalPosterior(sampleMean, Math.max(standardError, floor));
    }

    @Override
    public double cumulativeProbability(double x) {
        return NormalDistribution.of(mean, standardDeviation).cumulativeProbability(x);
    }

    @Override
    public double quantile(double p) {
        return NormalDistribution.of(mean, standardDeviation).inverseCumulativeProbability(p);
    }

    @Override
    public double[] densitiesOn(IntegrationGrid grid) {
        NormalDistribution distribution = NormalDistribution.of(mean, standardDeviation);
        double[] points = grid.points();
        double[] densities = new double[points.length];
        for (int k = 0; k < points.length; k++) {
            densities[k] = distribution.density(points[k]);
        }
        return densities;
    }

    @Override
    public double supportLowerBound() {
        return Double.NEGATIVE_INFINITY;
    }

    @Override
    public double supportUpperBound() {
        return Double.POSITIVE_INFINITY;
    }
}
