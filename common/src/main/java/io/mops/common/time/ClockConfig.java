package io.mops.common.time;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which clock the service reads "now" from. */
@ConfigMapping(prefix = "mops.clock")
public interface ClockConfig {

    enum Mode {
        /** The machine's clock: every real deployment. */
        SYSTEM,
        /**
         * A clock that stands still until the market simulator moves it ({@code PUT /sim/clock}). Only allowed
         * when the {@code sim} profile is active: a service started otherwise with it refuses to run.
         */
        SIMULATED
    }

    @WithDefault("system")
    Mode mode();

    /** Where a simulated clock starts (ISO-8601 instant); the simulator sets it before anything happens. */
    @WithDefault("2026-01-05T00:00:00Z")
    java.time.Instant simulationStart();
}
