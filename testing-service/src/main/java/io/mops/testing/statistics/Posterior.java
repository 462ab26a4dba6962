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

    /** The smallest value the metric can take (the posterior's support may be cut to it). */
    double supportLowerBound();

    /** The largest value the metric can take. */
    double supportUpperBound();
}
