package io.mops.attribution.ingest;

import io.mops.common.events.PoisonEventException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One poll of touchpoint messages, read record by record before anything is written: the touchpoints that can be
 * stored, each event id once (a redelivery inside the same poll counts once, the first copy wins), and the records
 * that never can, each with the reason, so that one poison message does not hold back the good ones beside it.
 *
 * @param <R> the record as it arrived, kept for the dead-letter topic
 */
public record TouchpointBatch<R>(Collection<StoredTouchpoint> touchpoints, List<Rejected<R>> rejected) {

    /** A record that can never be stored, and why. */
    public record Rejected<R>(R record, String reason) {
    }

    /**
     * @param read turns a record into a touchpoint, throwing {@link PoisonEventException} with the reason when it
     *             cannot
     */
    public static <R> TouchpointBatch<R> read(Iterable<R> records, Function<R, StoredTouchpoint> read) {
        Map<UUID, StoredTouchpoint> touchpoints = new LinkedHashMap<>();
        List<Rejected<R>> rejected = new ArrayList<>();
        for (R record : records) {
            try {
                StoredTouchpoint touchpoint = read.apply(record);
                touchpoints.putIfAbsent(touchpoint.eventId, touchpoint);
            } catch (PoisonEventException e) {
                rejected.add(new Rejected<>(record, e.getMessage()));
            }
        }
        return new TouchpointBatch<>(List.copyOf(touchpoints.values()), List.copyOf(rejected));
    }
}
