package io.mops.testing.allocation;

import io.mops.testing.statistics.ConfidenceSequence;

import java.util.Map;
import java.util.Optional;

/**
 * The bandit's verdict at one re-weighting.
 *
 * @param weights            next share of traffic per variant, in the input order, summing to one; eliminated
 *                           variants get zero
 * @param chanceToBeBest     per live variant, among the variants still live after this decision
 * @param eliminated         variants stopped by this decision (not those stopped before), with their chance to be
 *                           best when they were stopped
 * @param eliminationReasons the same variants, with the bounds that stopped them in words
 * @param eliminationBounds  per variant live before this decision, its anytime-valid bounds at level
 *                           {@code eliminationErrorRate / K} (empty during the burn-in)
 * @param winner             the variant to roll out, when one passed both winner thresholds
 * @param winnerExpectedLoss the winner's expected loss; {@code null} without a winner
 * @param inBurnIn           {@code true} while some live variant has not had its burn-in exposures yet
 */
public record AllocationDecision(Map<String, Double> weights, Map<String, Double> chanceToBeBest,
                                 Map<String, Double> eliminated, Map<String, String> eliminationReasons,
                                 Map<String, ConfidenceSequence.Bounds> eliminationBounds, Optional<String> winner,
                                 Double winnerExpectedLoss, boolean inBurnIn) {
}
