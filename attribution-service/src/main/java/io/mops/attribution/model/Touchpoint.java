package io.mops.attribution.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A customer's contact with a channel (and, when known, the campaign behind it) at a moment in time. */
public record Touchpoint(String channel, Optional<String> campaign, Instant at) {

    public Touchpoint {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(at, "at");
        if (channel.isBlank()) {
            throw new IllegalArgumentException("a touchpoint names its channel");
        }
    }

    public static Touchpoint of(String channel, String campaign, Instant at) {
        return new Touchpoint(channel, Optional.of(campaign), at);
    }

    public static Touchpoint of(String channel, Instant at) {
        return new Touchpoint(channel, Optional.empty(), at);
    }
}
