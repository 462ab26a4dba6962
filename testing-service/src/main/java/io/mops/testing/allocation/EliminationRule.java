package io.mops.testing.allocation;

import io.mops.testing.statistics.BetaPosterior;
import io.mops.testing.statistics.ConfidenceSequence;
import io.mops.testing.statistics.NormalPosterior;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * When a variant may be stopped for good: only when its anytime-valid upper bound is below another live variant's
 * anytime-valid lower bound, every variant's bounds holding at level {@code delta / K} ({@link ConfidenceSequence};
 * K the number of variants of the experiment, delta {@link AllocationPolicy#eliminationErrorRate()}).
 * <p>
 * The error rate is proven, not tuned. If the truly best variant b is eliminated at some look, its upper bound is
 * below another variant j's lower bound there, and since j's true rate is at most b's, either b's upper bound is
 * below b's true rate or j's lower bound is above j's true rate: some variant's bounds missed its true value at some
 * look. Each variant's bounds miss at any look with probability at most {@code delta / K} (Ville's inequality), so by
 * the union bound the best variant is ever eliminated with probability at most {@code delta} — whatever the rates,
 * however the bandit allocates traffic, however often it looks. The bounds use each variant's pooled counts, whose
 * guarantee needs each variant's rate to be stable over time.
 * <p>
 * The chance to be best, which decided before, is no such guard: with many similar variants and independent flat
 * priors the luckiest variants look far better than they are, and the rest fall below any small threshold at once.
 */
public final class EliminationRule {

    private final AllocationPolicy policy;

    public EliminationRule(AllocationPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param variants  every variant of the experiment (K = its size), live or not
     * @param live      indices of the live variants
     * @param protectedVariants indices never eliminated (the control, the leader)
     */
    public Verdict judge(List<VariantEvidence> variants, List<Integer> live, Set<Integer> protectedVariants) {
        Map<String, ConfidenceSequence.Bounds> bounds = new LinkedHashMap<>();
        Map<String, String> eliminated = new LinkedHashMap<>();
        if (policy.eliminationErrorRate() <= 0 || live.size() < 2) {
            return new Verdict(bounds, eliminated);
        }
        double alpha = policy.eliminationErrorRate() / variants.size();
        int best = live.getFirst();
        for (int i : live) {
            ConfidenceSequence.Bounds own = boundsOf(variants.get(i), alpha);
            bounds.put(variants.get(i).variantKey(), own);
            if (own.low() > bounds.get(variants.get(best).variantKey()).low()) {
                best = i;
            }
        }
        String bestKey = variants.get(best).variantKey();
        double bestLow = bounds.get(bestKey).low();
        for (int i : live) {
            String key = variants.get(i).variantKey();
            double high = bounds.get(key).high();
            if (!protectedVariants.contains(i) && high < bestLow) {
                eliminated.put(key, String.format(Locale.ROOT, "its true metric is below %.6g while %s's is above "
                                + "%.6g (anytime-valid bounds; chance of ever eliminating the best variant at most %s)",
                        high, bestKey, bestLow, policy.eliminationErrorRate()));
            }
        }
        return new Verdict(bounds, eliminated);
    }

    /**
     * Conversion rates: the exact Beta-mixture bounds of the pooled counts. Means: the Normal-mixture bounds, mixed
     * at the standard error a variant has at the end of the burn-in, where an elimination can first happen.
     */
    private ConfidenceSequence.Bounds boundsOf(VariantEvidence variant, double alpha) {
        return switch (variant.pooled()) {
            case BetaPosterior beta -> ConfidenceSequence.forConversionRate(Math.round(beta.alpha() - 1.0),
                    Math.round(beta.alpha() + beta.beta() - 2.0), alpha);
            case NormalPosterior normal -> ConfidenceSequence.forMean(normal.mean(),
                    normal.standardDeviation() * normal.standardDeviation(),
                    normal.standardDeviation() * Math.sqrt((double) variant.exposures()
                            / Math.max(1L, policy.burnInExposures())), alpha);
        };
    }

    /**
     * @param bounds     per live variant, its bounds at this look
     * @param eliminated the variants to stop, with the reason in words
     */
    public record Verdict(Map<String, ConfidenceSequence.Bounds> bounds, Map<String, String> eliminated) {
    }
}
