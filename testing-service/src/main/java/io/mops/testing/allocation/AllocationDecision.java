package io.mops.testing.allocation;

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
 * @param eliminationReasons the same variants, with the evidence that stopped them in words
 * @param leaderEvidence     the always-valid tests of every other variant live before this decision against the
 *                           leader ({@link BestVariantRule}); {@code null} during the burn-in, with one live
 *                           variant, or with an error rate of 0
 * @param winner             the variant to roll out, when the leader is proven better than every other live
 *                           variant and passed both winner thresholds
 * @param winnerExpectedLoss the winner's expected loss; {@code null} without a winner
 * @param inBurnIn           {@code true} while some live variant has not had its burn-in exposures yet
 */
public record AllocationDecision(Map<String, Double> weights, Map<String, Double> chanceToBeBest,
                                 Map<String, Double> eliminated, Map<String, String> eliminationReasons,
                                 LeaderEvidence leaderEvidence, Optional<String> winner,
                                 Double winnerExpectedLoss, boolean inBurnIn) {
}
