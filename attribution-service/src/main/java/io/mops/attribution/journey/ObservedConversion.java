package io.mops.attribution.journey;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored conversion; {@code anonymousId}, when present, links earlier anonymous touchpoints to the user. */
public record ObservedConversion(String userId, String anonymousId, Instant at, BigDecimal value) {
}
