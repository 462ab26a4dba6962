package io.mops.testing.allocation;

import io.mops.testing.statistics.BetaPosterior;
import io.mops.testing.statistics.Posterior;

/**
 * What the bandit knows about one variant.
 *
 * @param posterior the posterior of its metric, weighted by allocation period: what Thompson sampling, the winner
 *                  rule and the chance to be best use
 * @param tally     its data per allocation period: what {@link BestVariantRule} compares period by period
 */
public record VariantEvidence(Posterior posterior, VariantTally tally) {

    /** Conversions of an experiment that was never re-weighted: one period, the posterior from a uniform prior. */
    public static VariantEvidence ofConversions(String variantKey, long conversions, long exposures, boolean live) {
        return new VariantEvidence(BetaPosterior.afterObserving(conversions, exposures),
                new VariantTally(variantKey, live, exposures, conversions, 0.0, 0.0));
    }

    public String variantKey() {
        return tally.variantKey();
    }

    /** Its exposed units over all periods. */
    public long exposures() {
        return tally.exposures();
    }

    /** Whether it still receives traffic. */
    public boolean live() {
        return tally.live();
    }
}
