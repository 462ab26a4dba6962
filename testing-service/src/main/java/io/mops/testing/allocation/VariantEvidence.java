package io.mops.testing.allocation;

import io.mops.testing.statistics.Posterior;

/**
 * What the bandit knows about one variant.
 *
 * @param posterior the posterior of its metric, weighted by allocation period: what Thompson sampling, the winner
 *                  rule and the chance to be best use
 * @param exposures its exposed units
 * @param live      whether it still receives traffic
 * @param pooled    the posterior from its pooled counts (uniform prior): what the anytime-valid elimination bounds
 *                  are computed from
 */
public record VariantEvidence(String variantKey, Posterior posterior, long exposures, boolean live, Posterior pooled) {

    /** For data of a single allocation period, where the weighted and the pooled posterior are the same. */
    public VariantEvidence(String variantKey, Posterior posterior, long exposures, boolean live) {
        this(variantKey, posterior, exposures, live, posterior);
    }
}
