package io.mops.common.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every MOPS event travels in, whatever its type.
 *
 * <p>{@code subject} is also the Kafka key, so that all events about one campaign (or one channel) land on
 * one partition and are consumed in the order they were written. {@code version} is the version of the
 * {@code data} schema for that {@code type}: consumers reject versions they do not understand instead of
 * guessing.
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        String source,
        Instant time,
        String subject,
        JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }
}
