package io.mops.testing.allocation;

import io.mops.testing.statistics.BayesianComparison;
import io.mops.testing.statistics.BayesianVerdict;
import io.mops.testing.statistics.ConfidenceSequence;
import io.mops.testing.statistics.Posterior;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Thompson sampling allocation: each live variant gets traffic in proportion to its posterior chance of being the
 * best, which is exactly the share of traffic that drawing from the posteriors for every visitor would give it.
 * The chances come from {@link BayesianComparison}'s integration, so the weights are computed, not sampled.
 * <p>
 * Top-two Thompson sampling (Russo, 2020) gives the leader a share {@code beta} of its chance and spends the rest on
 * the challenger that wins when the leader is drawn out: {@code P(challenger = i | leader = j) = pi_i / (1 - pi_j)},
 * since the challenger comes from fresh posterior draws in which {@code j} is not the best.
 * <p>
 * Elimination is permanent, so it is decided by {@link EliminationRule}'s anytime-valid bounds, whose chance of
 * ever stopping the best variant is proven to stay below the configured error rate, not by the chance to be best.
 * <p>
 * The control is never eliminated (every comparison is against it), nor is the current leader.
 */
public final class ThompsonAllocator {

    private final AllocationPolicy policy;

    public ThompsonAllocator(AllocationPolicy policy) {
        this.policy = policy;
    }

    public AllocationDecision decide(List<VariantEvidence> variants, int controlIndex) {
        List<Integer> live = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).live()) {
                live.add(i);
            }
        }
        if (live.isEmpty()) {
            throw new IllegalArgumentException("no live variant to allocate traffic to");
        }
        boolean inBurnIn = live.stream().anyMatch(i -> variants.get(i).exposures() < policy.burnInExposures());
        Map<String, Double> eliminated = new LinkedHashMap<>();
        Map<String, String> reasons = Map.of();
        Map<String, ConfidenceSequence.Bounds> bounds = Map.of();
        Winner winner = Winner.NONE;
        LiveComparison comparison = LiveComparison.of(variants, live, controlIndex);
        if (!inBurnIn && live.size() > 1) {
            int leader = comparison.leader();
            EliminationRule.Verdict verdict = new EliminationRule(policy).judge(variants, live,
                    Set.copyOf(List.of(controlIndex, leader)));
            bounds = verdict.bounds();
            reasons = verdict.eliminated();
            if (!reasons.isEmpty()) {
                List<Integer> keep = new ArrayList<>();
                for (int i : live) {
                    if (reasons.containsKey(variants.get(i).variantKey())) {
                        eliminated.put(variants.get(i).variantKey(), comparison.chance()[i]);
                    } else {
                        keep.add(i);
                    }
                }
                live = keep;
                comparison = LiveComparison.of(variants, live, controlIndex);
            }
            winner = winnerOf(variants, comparison);
        }
        double[] chance = comparison.chance();
        double[] shares = inBurnIn ? evenly(variants.size(), live) : thompsonShares(variants.size(), live, chance);
        applyExplorationFloor(shares, live, inBurnIn ? 0.0 : policy.explorationFloor(live.size()));

        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> chances = new LinkedHashMap<>();
        for (int i = 0; i < variants.size(); i++) {
            weights.put(variants.get(i).variantKey(), shares[i]);
        }
        for (int i : live) {
            chances.put(variants.get(i).variantKey(), chance[i]);
        }
        return new AllocationDecision(weights, chances, eliminated, reasons, bounds, winner.variantKey(),
                winner.expectedLoss(), inBurnIn);
    }

    private record Winner(Optional<String> variantKey, Double expectedLoss) {
        static final Winner NONE = new Winner(Optional.empty(), null);
    }

    private Winner winnerOf(List<VariantEvidence> variants, LiveComparison comparison) {
        int leader = comparison.leader();
        double expectedLoss = comparison.expectedLoss()[leader];
        if (comparison.chance()[leader] >= policy.winnerChanceToBeBest() && expectedLoss <= policy.winnerExpectedLoss()) {
            return new Winner(Optional.of(variants.get(leader).variantKey()), expectedLoss);
        }
        return Winner.NONE;
    }

    /** Chance to be best and expected loss of the live variants, indexed like the input (zero elsewhere). */
    private record LiveComparison(List<Integer> live, double[] chance, double[] expectedLoss) {

        static LiveComparison of(List<VariantEvidence> variants, List<Integer> live, int controlIndex) {
            double[] chance = new double[variants.size()];
            double[] loss = new double[variants.size()];
            if (live.size() == 1) {
                chance[live.getFirst()] = 1.0;
                return new LiveComparison(live, chance, loss);
            }
            List<Posterior> posteriors = live.stream().map(i -> variants.get(i).posterior()).toList();
            int controlPosition = Math.max(0, live.indexOf(controlIndex));
            List<BayesianVerdict> verdicts = BayesianComparison.compare(posteriors, controlPosition);
            for (int p = 0; p < live.size(); p++) {
                chance[live.get(p)] = verdicts.get(p).chanceToBeBest();
                loss[live.get(p)] = verdicts.get(p).expectedLoss();
            }
            return new LiveComparison(live, chance, loss);
        }

        int leader() {
            int leader = live.getFirst();
            for (int i : live) {
                if (chance[i] > chance[leader]) {
                    leader = i;
                }
            }
            return leader;
        }
    }

    private double[] thompsonShares(int size, List<Integer> live, double[] chance) {
        double[] shares = new double[size];
        if (!policy.topTwo()) {
            for (int i : live) {
                shares[i] = chance[i];
            }
            return normalised(shares);
        }
        double beta = policy.leaderProbability();
        for (int i : live) {
            double challenger = 0.0;
            for (int j : live) {
                if (j != i && chance[j] < 1.0) {
                    challenger += chance[j] * chance[i] / (1.0 - chance[j]);
                }
            }
            shares[i] = beta * chance[i] + (1.0 - beta) * challenger;
        }
        return normalised(shares);
    }

    private static double[] evenly(int size, List<Integer> live) {
        double[] shares = new double[size];
        for (int i : live) {
            shares[i] = 1.0 / live.size();
        }
        return shares;
    }

    /** Mixes in an even floor: {@code w = m + (1 - m L) w_ts}, which keeps the sum at one. */
    private static void applyExplorationFloor(double[] shares, List<Integer> live, double minimum) {
        double floor = Math.min(minimum, 1.0 / live.size());
        double rest = 1.0 - floor * live.size();
        for (int i : live) {
            shares[i] = floor + rest * shares[i];
        }
    }

    private static double[] normalised(double[] shares) {
        double total = 0.0;
        for (double s : shares) {
            total += s;
        }
        if (total <= 0.0) {
            return shares;
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= total;
        }
        return shares;
    }
}
