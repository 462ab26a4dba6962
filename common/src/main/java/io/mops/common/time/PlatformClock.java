package io.mops.common.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock every service reads "now" from. Code that needs the time injects {@link Clock} instead of calling
 * {@code Instant.now()}, so that due times, expiries, pacing and schedules follow whatever clock the platform runs
 * on: the system's in every real deployment, a driven one when the market simulator runs the platform.
 */
@ApplicationScoped
public class PlatformClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
