package io.mops.simulator.report;

/**
 * How the platform's traffic allocation did in one experiment.
 *
 * @param regretRatio the bandit's regret over the even split's (the goal: at most 0.5)
 */
public record ExperimentFigures(String experiment, double visitors, double banditRegret, double evenSplitRegret,
                                double regretRatio, String trueBest, String declaredWinner) {
}
