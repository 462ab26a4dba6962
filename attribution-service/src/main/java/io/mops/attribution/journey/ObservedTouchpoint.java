package io.mops.attribution.journey;

import java.time.Instant;

/** A stored touchpoint as journey building needs it; {@code userId} or {@code anonymousId} may be null, not both. */
public record ObservedTouchpoint(String userId, String anonymousId, Instant at, String channel, String campaign) {
}
