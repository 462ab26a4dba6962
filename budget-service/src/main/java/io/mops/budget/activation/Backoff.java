package io.mops.budget.activation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to send a request again: as the platform's {@code Retry-After} says (RFC 9110: seconds, or an HTTP date),
 * otherwise {@code base × 2^(attempt − 1)}; never later than {@code max}.
 */
public record Backoff(Duration base, Duration max) {

    public Duration after(int attempt, Optional<Duration> retryAfter) {
        Duration wait = retryAfter.orElseGet(() -> base.multipliedBy(1L << Math.min(attempt - 1, 30)));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** A {@code Retry-After} value as a wait from {@code now}; empty when absent or unreadable. */
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        return header.map(String::trim).flatMap(value -> {
            if (value.matches("\\d{1,9}")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
