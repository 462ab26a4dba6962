package io.mops.attribution.ingest;

import io.mops.common.events.PoisonEventException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One poll of ingest messages, read record by record before anything is written: the events that can be stored,
 * each event id once (a redelivery inside the same poll counts once, the first copy wins), and the records that
 * never can, each with the reason, so that one poison message does not hold back the good ones beside it.
 *
 * @param <R> the record as it arrived, kept for the dead-letter topic
 * @param <T> what is stored of it
 * @param sources the record each event was read from, by event id, for the dead letter of an event the database
 *                refuses after all
 */
public record InboxBatch<R, T>(List<T> events, List<Rejected<R>> rejected, Map<UUID, R> sources) {

    /** A record that can never be stored, and why. */
    public record Rejected<R>(R record, String reason) {
    }

    /**
     * @param read    turns a record into what is stored, or {@code null} for a valid record this consumer has no use
     *                for (skipped, not dead-lettered); throws {@link PoisonEventException} with the reason when the
     *                record can never be stored
     * @param eventId the event id of what {@code read} returned
     */
    public static <R, T> InboxBatch<R, T> read(Iterable<R> records, Function<R, T> read, Function<T, UUID> eventId) {
        Map<UUID, T> events = new LinkedHashMap<>();
        Map<UUID, R> sources = new HashMap<>();
        List<Rejected<R>> rejected = new ArrayList<>();
        for (R record : records) {
            try {
                T event = read.apply(record);
                if (event != null) {
                    UUID id = eventId.apply(event);
                    if (events.putIfAbsent(id, event) == null) {
                        sources.put(id, record);
                    }
                }
            } catch (PoisonEventException e) {
                rejected.add(new Rejected<>(record, e.getMessage()));
            }
        }
        return new InboxBatch<>(List.copyOf(events.values()), List.copyOf(rejected), Map.copyOf(sources));
    }
}
