package io.mops.budget.budgets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Calibration of the response curves by their incremental effect on the total outcome (docs/budget.md,
 * "Incrementality: calibrating the curves on the total outcome").
 */
@ConfigMapping(prefix = "mops.budget.incrementality")
public interface IncrementalityConfig {

    /**
     * Whether the optimiser multiplies each curve by its incremental factor; off: attribution's credit as it is. Off
     * by default: in its one measured closed-loop run it did not cut the idle channel and the loop did worse (docs/
     * benchmarks.md).
     */
    @WithDefault("false")
    boolean enabled();

    /**
     * {@code τ}, the prior standard deviation of each channel's factor around 1 (attribution is right). Small: it
     * takes much spend variation to move a factor; large: little does, noise included.
     */
    @WithDefault("0.5")
    double priorSd();

    /** Fewer common periods than this leave every factor at its prior (no calibration). */
    @WithDefault("8")
    int minPeriods();
}
