package io.mops.testing.allocation;

import io.mops.testing.statistics.BetaPosterior;
import io.mops.testing.statistics.NormalPosterior;
import io.mops.testing.statistics.SuperiorityTest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The two permanent decisions of a bandit — stopping a variant, and declaring a winner, which concludes the
 * experiment — taken only on evidence that loses the truly best variant with a proven, configured probability.
 * <p>
 * Every other live variant is tested against the leader with {@link SuperiorityTest}: the null hypothesis "it is at
 * least as good as the leader in every allocation period", always valid, at level {@code delta / (K - 1)} with K the
 * number of variants of the experiment and delta {@link AllocationPolicy#eliminationErrorRate()}. A variant whose
 * null is rejected is eliminated (the control and the leader are never); the leader may be declared the winner only
 * when the null is rejected for every other live variant.
 * <p>
 * Why the best variant b is lost with probability at most delta: b is lost only if it is eliminated — the null
 * "b is at least as good as the leader" was rejected — or another variant w is declared winner while b is live —
 * the null "b is at least as good as w" was rejected. Both nulls are true, since b is at least as good as every
 * variant in every period. Only the K - 1 tests of b against another variant can lose b, each rejects a true null
 * at some look with probability at most {@code delta / (K - 1)}, whatever the allocation and however often the
 * bandit looks, so by the union bound b is lost with probability at most delta. The leader changes from look to
 * look; that only picks which of these tests is read, and every one holds at all looks at once.
 * <p>
 * The tests compare within periods and pool nothing across them, so the guarantee holds when the base rate moves
 * while the bandit moves the shares, as long as the best variant stays best in every period.
 */
public final class BestVariantRule {

    private final AllocationPolicy policy;

    public BestVariantRule(AllocationPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param variants          every variant of the experiment (K = its size), live or not
     * @param live              indices of the live variants
     * @param leader            index of the live variant most likely to be best
     * @param protectedVariants indices never eliminated (the control, the leader)
     */
    public Verdict judge(List<VariantEvidence> variants, List<Integer> live, int leader,
                         Set<Integer> protectedVariants) {
        if (policy.eliminationErrorRate() <= 0 || live.size() < 2) {
            return Verdict.NONE;
        }
        int comparisons = variants.size() - 1;
        double threshold = policy.eliminationErrorRate() / comparisons;
        VariantEvidence leading = variants.get(leader);
        Map<String, Double> pValues = new LinkedHashMap<>();
        Map<String, String> eliminated = new LinkedHashMap<>();
        boolean proven = true;
        for (int i : live) {
            if (i == leader) {
                continue;
            }
            VariantEvidence challenger = variants.get(i);
            double p = test(challenger, leading).pValue();
            pValues.put(challenger.variantKey(), p);
            boolean rejected = p <= threshold;
            proven &= rejected;
            if (rejected && !protectedVariants.contains(i)) {
                eliminated.put(challenger.variantKey(), String.format(Locale.ROOT,
                        "%s does better in every allocation period: always-valid p = %.3g that %s is at least as "
                                + "good, at most %.3g (%s over %d comparisons; chance of ever losing the best variant "
                                + "at most %s)", leading.variantKey(), p, challenger.variantKey(), threshold,
                        policy.eliminationErrorRate(), comparisons, policy.eliminationErrorRate()));
            }
        }
        return new Verdict(new LeaderEvidence(leading.variantKey(), threshold, pValues, proven), eliminated);
    }

    /** Conversion rates and means are told apart by their posterior, which is built from the same data. */
    private static SuperiorityTest.Evidence test(VariantEvidence challenger, VariantEvidence leader) {
        VariantTally c = challenger.tally();
        VariantTally l = leader.tally();
        return switch (challenger.posterior()) {
            case BetaPosterior ignored -> SuperiorityTest.forConversions(c.exposuresByPeriod(), c.convertedByPeriod(),
                    l.exposuresByPeriod(), l.convertedByPeriod());
            case NormalPosterior ignored -> SuperiorityTest.forMeans(c.exposuresByPeriod(), c.valueSumByPeriod(),
                    c.valueSumOfSquaresByPeriod(), l.exposuresByPeriod(), l.valueSumByPeriod(),
                    l.valueSumOfSquaresByPeriod());
        };
    }

    /**
     * @param evidence   the tests against the leader; {@code null} when the rule is off or one variant is live
     * @param eliminated the variants to stop, with the reason in words
     */
    public record Verdict(LeaderEvidence evidence, Map<String, String> eliminated) {

        static final Verdict NONE = new Verdict(null, Map.of());

        /** Whether the leader is proven better than every other live variant: it may be declared the winner. */
        public boolean leaderProven() {
            return evidence != null && evidence.proven();
        }
    }
}
