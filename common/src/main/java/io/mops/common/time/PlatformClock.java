package io.mops.common.time;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;

/**
 * The one clock every service reads "now" from. Code that needs the time injects {@link Clock} instead of calling
 * {@code Instant.now()}, so that due times, expiries, pacing and schedules follow whatever clock the platform runs
 * on: the system's in every real deployment, a {@link SimulatedClock} when the market simulator runs the platform.
 */
@ApplicationScoped
public class PlatformClock {

    /** The profile under which a simulated clock is allowed. */
    public static final String SIMULATION_PROFILE = "sim";
    /** The profile under which a shifted system clock is allowed. */
    public static final String TEST_PROFILE = "test";

    private final ClockConfig config;
    private final SimulatedClock simulated;

    public PlatformClock(ClockConfig config) {
        this.config = config;
        this.simulated = new SimulatedClock(config.simulationStart());
    }

    @Produces
    @Singleton
    Clock clock() {
        if (simulated()) {
            return simulated;
        }
        return config.offset().isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), config.offset());
    }

    /** The simulated clock, or empty-handed callers get a refusal: it exists only in simulation mode. */
    public SimulatedClock simulatedClock() {
        if (!simulated()) {
            throw new IllegalStateException("the platform runs on the system clock");
        }
        return simulated;
    }

    public boolean simulated() {
        return config.mode() == ClockConfig.Mode.SIMULATED;
    }

    /** A production start with a driven clock would let anyone with a token move time: refuse it. */
    void refuseSimulatedClockOutsideSimulation(@Observes StartupEvent start) {
        requireSimulationProfile(config.mode(), ConfigUtils.getProfiles());
        requireTestProfileForOffset(config.offset(), ConfigUtils.getProfiles());
    }

    static void requireTestProfileForOffset(java.time.Duration offset, List<String> activeProfiles) {
        if (!offset.isZero() && !activeProfiles.contains(TEST_PROFILE)) {
            throw new IllegalStateException("mops.clock.offset=" + offset + " is only allowed with the '"
                    + TEST_PROFILE + "' profile (active: " + activeProfiles + "); refusing to start");
        }
    }

    static void requireSimulationProfile(ClockConfig.Mode mode, List<String> activeProfiles) {
        if (mode == ClockConfig.Mode.SIMULATED && !activeProfiles.contains(SIMULATION_PROFILE)) {
            throw new IllegalStateException("mops.clock.mode=simulated is only allowed with the '" + SIMULATION_PROFILE
                    + "' profile (active: " + activeProfiles + "); refusing to start");
        }
    }
}
