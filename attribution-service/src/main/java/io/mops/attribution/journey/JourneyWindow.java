package io.mops.attribution.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The conversions of {@code [from, to)} and the touchpoints that may have led to them: each conversion looks back at
 * most {@code lookback}.
 */
public record JourneyWindow(Instant from, Instant to, Duration lookback) {

    public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(30);

    public JourneyWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lookback, "lookback");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the window must end after it starts");
        }
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("the lookback must be positive");
        }
    }

    /** The earliest touchpoint that can belong to a journey of this window. */
    public Instant earliestTouchpoint() {
        return from.minus(lookback);
    }

    boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
