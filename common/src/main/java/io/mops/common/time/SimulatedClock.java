package io.mops.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A UTC clock that only moves when it is told to, and only forward: simulated time never runs backwards. */
public final class SimulatedClock extends Clock {

    private final AtomicReference<Instant> now;

    public SimulatedClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * Moves the clock to {@code instant}.
     *
     * @throws IllegalArgumentException when {@code instant} is before the clock's current time
     */
    public Instant advanceTo(Instant instant) {
        return now.updateAndGet(current -> {
            if (instant.isBefore(current)) {
                throw new IllegalArgumentException("the simulated clock is at " + current + " and never goes back (to "
                        + instant + ")");
            }
            return instant;
        });
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
