package io.mops.testing.allocation;

/**
 * How the bandit moves traffic, and when it stops variants or declares a winner.
 *
 * @param burnInExposures         every live variant gets at least this many exposures under an even split before
 *                                the bandit acts on the data (early posteriors are mostly prior)
 * @param minimumExplorationShare each live variant keeps at least this share of traffic so that no estimate
 *                                freezes ...
 * @param explorationBudget       ... but the floors of all live variants together take at most this share, so that
 *                                with many variants the floors do not turn the bandit back into an even split
 * @param topTwo                  top-two Thompson sampling: spend traffic on the leader's closest challengers
 *                                too, which identifies the best variant faster than plain Thompson sampling
 * @param leaderProbability       in top-two mode, the share of draws that go to the leader (beta in Russo, 2020)
 * @param eliminationErrorRate    the chance, over the whole experiment and every look, that the truly best
 *                                variant is ever eliminated (delta; each variant's bounds hold with 1 - delta/K)
 * @param winnerChanceToBeBest    a winner needs at least this chance to be best ...
 * @param winnerExpectedLoss      ... and an expected loss at most this (in the metric's unit)
 */
public record AllocationPolicy(long burnInExposures, double minimumExplorationShare, double explorationBudget,
                               boolean topTwo, double leaderProbability, double eliminationErrorRate,
                               double winnerChanceToBeBest, double winnerExpectedLoss) {

    public static final AllocationPolicy DEFAULT =
            new AllocationPolicy(500, 0.01, 0.1, false, 0.5, 0.01, 0.95, 0.0005);

    public AllocationPolicy {
        if (burnInExposures < 0) {
            throw new IllegalArgumentException("burnInExposures must be >= 0");
        }
        if (!(minimumExplorationShare >= 0 && minimumExplorationShare <= 1)) {
            throw new IllegalArgumentException("minimumExplorationShare must lie in [0, 1]");
        }
        if (!(explorationBudget >= 0 && explorationBudget <= 1)) {
            throw new IllegalArgumentException("explorationBudget must lie in [0, 1]");
        }
        if (!(leaderProbability > 0 && leaderProbability <= 1)) {
            throw new IllegalArgumentException("leaderProbability must lie in (0, 1]");
        }
        if (!(eliminationErrorRate >= 0 && eliminationErrorRate < 1)) {
            throw new IllegalArgumentException("eliminationErrorRate must lie in [0, 1); 0 never eliminates");
        }
        if (!(winnerChanceToBeBest > 0 && winnerChanceToBeBest <= 1)) {
            throw new IllegalArgumentException("winnerChanceToBeBest must lie in (0, 1]");
        }
        if (!(winnerExpectedLoss >= 0)) {
            throw new IllegalArgumentException("winnerExpectedLoss must be >= 0");
        }
    }

    /** The share every live variant keeps at least, with {@code live} variants running. */
    public double explorationFloor(int live) {
        return Math.min(minimumExplorationShare, explorationBudget / live);
    }
}
