package io.mops.budget.reallocation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The CoE's bounds on spend exploration: how the loop varies the spend of channels whose response curve the data
 * cannot pin down, so that it can learn them (docs/budget.md, "Spend exploration").
 */
@ConfigMapping(prefix = "mops.budget.exploration")
public interface ExplorationConfig {

    /** Whether the loop proposes explorations at all; without them a channel held for its curve stays held. */
    @WithDefault("true")
    boolean enabled();

    /** The largest change of an explored channel's allocation, as a share of it: spend alternates at (1 ± a). */
    @WithDefault("0.7")
    double amplitude();

    /** The most money one side of an exploration may gain in a phase, as a share of the plan's total. */
    @WithDefault("0.4")
    double maxShareOfTotal();

    /** Periods of the curves' evidence (days or weeks) each phase lasts. */
    @WithDefault("3")
    int periodsPerPhase();

    /** Alternating phases before the allocations return to where the exploration started. */
    @WithDefault("4")
    int phases();
}
