package io.mops.budget.guard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The risk guard's configuration (docs/budget.md, "Risk guard"); its detectors' thresholds are the CoE's, by REST. */
@ConfigMapping(prefix = "mops.budget.guard")
public interface GuardConfig {

    /**
     * Whether the detectors judge at all. Off in the simulation, whose clock moves a day at a time: a day's spend and
     * touchpoints would all land in one hour there, which no hourly detector can read.
     */
    @WithDefault("true")
    boolean enabled();

    /** How often the hours completed so far are judged ({@code 5m}; {@code off} in tests, which judge a chosen hour). */
    @WithDefault("5m")
    String sweep();
}
