package io.mops.testing.statistics;

/**
 * What we believe about one variant's true metric after seeing its data: the conversion rate for binary metrics
 * ({@link BetaPosterior}), the mean value per unit for continuous ones ({@link NormalPosterior}).
 */
public sealed interface Posterior permits BetaPosterior, NormalPosterior {

    double mean();

    double standardDeviation();

    double cumulativeProbability(double x);

    /** The densities at every point of the grid, in one pass (the hot loop of {@link BayesianComparison}). */
    double[] densitiesOn(IntegrationGrid grid);

    /** The value below which the posterior puts probability {@code p}. */
    double quantile(double p);

    /**
     * The equal-tailed credible interval of the variant's own metric: {@code (1 - level) / 2} of the posterior lies
     * below {@code low} and as much above {@code high}.
     */
    default CredibleInterval credibleInterval(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("a credible level is between 0 and 1, got " + level);
        }
        double tail = (1.0 - level) / 2.0;
        return new CredibleInterval(quantile(tail), quantile(1.0 - tail), level);
    }

    /** The smallest value the metric can take (the posterior's support may be cut to it). */
    double supportLowerBound();

    /** The largest value the metric can take. */
    double supportUpperBound();
}
