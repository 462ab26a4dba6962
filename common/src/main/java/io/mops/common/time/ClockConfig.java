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

    /**
     * How far the system clock is moved ({@code SYSTEM} mode only), e.g. {@code P100D}: the end-to-end tests load the
     * demo data as if on another day and run the platform on that day. Only allowed with the {@code test} profile, so
     * that no deployment runs on a shifted time by accident.
     */
    @WithDefault("PT0S")
    java.time.Duration offset();

    /** Where a simulated clock starts (ISO-8601 instant); the simulator sets it before anything happens. */
    @WithDefault("2026-01-05T00:00:00Z")
    java.time.Instant simulationStart();
}
