package io.mops.common.events;

/**
 * Binds an event's {@code data} record to its name, schema version and topic, so that producers and
 * consumers cannot disagree on them.
 */
public record EventType<T>(String name, int version, String topic, Class<T> dataClass) {
}
