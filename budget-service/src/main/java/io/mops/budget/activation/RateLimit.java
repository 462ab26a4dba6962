package io.mops.budget.activation;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code perSecond} requests a second to one platform: each request takes the next free slot, at least
 * {@code 1 / perSecond} seconds after the one before. The sender waits for its slot before it sends.
 */
public final class RateLimit {

    private final Duration spacing;
    private Instant nextFree = Instant.EPOCH;

    public RateLimit(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("requests-per-second must be above 0, not " + perSecond);
        }
        this.spacing = Duration.ofNanos(Math.round(1_000_000_000d / perSecond));
    }

    /** Takes the next slot: how long to wait from {@code now} before sending in it. */
    public synchronized Duration reserve(Instant now) {
        Instant slot = nextFree.isAfter(now) ? nextFree : now;
        nextFree = slot.plus(spacing);
        return Duration.between(now, slot);
    }
}
