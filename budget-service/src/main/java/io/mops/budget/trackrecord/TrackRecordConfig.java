package io.mops.budget.trackrecord;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How applied moves are measured (docs/budget.md, "Track record"). */
@ConfigMapping(prefix = "mops.budget.track-record")
public interface TrackRecordConfig {

    /**
     * How many whole periods of the curves' evidence after a move are compared with as many before it. Four: a
     * month of weeks, long enough for most of an adstock's carry-over to show and short enough that the plan's
     * period (a month usually) is still the one the move was made for.
     */
    @WithDefault("4")
    int periods();
}
