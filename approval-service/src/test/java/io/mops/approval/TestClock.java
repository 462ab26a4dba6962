package io.mops.approval;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The platform clock under test: the system's time plus whatever the tests moved it ahead. One for the whole module
 * (it replaces the default {@code PlatformClock} bean in every {@code @QuarkusTest}, so the application starts once);
 * it only ever moves forward, so a test that advances it cannot break another test's timing, and every test reads
 * "now" from it rather than assuming wall time.
 */
public final class TestClock extends Clock {

    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);
    private static final TestClock INSTANCE = new TestClock();

    public static void advance(Duration by) {
        AHEAD.accumulateAndGet(by, Duration::plus);
    }

    public static Instant now() {
        return INSTANCE.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), AHEAD.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(AHEAD.get());
    }

    /**
     * Replaces the platform's clock in this module's tests: an enabled alternative wins over {@code PlatformClock}'s
     * producer, which is not a default bean since it also serves the simulated clock.
     */
    @Singleton
    static class Producer {
        @Produces
        @Singleton
        @Alternative
        @Priority(1)
        Clock clock() {
            return INSTANCE;
        }
    }
}
