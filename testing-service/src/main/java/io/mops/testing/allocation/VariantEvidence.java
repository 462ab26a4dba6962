package io.mops.testing.allocation;

import io.mops.testing.statistics.Posterior;

/** What the bandit knows about one variant: the posterior of its metric, its exposures, whether it still runs. */
public record VariantEvidence(String variantKey, Posterior posterior, long exposures, boolean live) {
}
