package io.mops.attribution.ingest;

import io.mops.attribution.quality.DataQualityRules.Observation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which touchpoints of a poll the data-quality count calls duplicates, by hand. */
class TouchpointObservationsTest {

    private static StoredTouchpoint touchpoint(UUID id, String channel) {
        StoredTouchpoint t = new StoredTouchpoint();
        t.eventId = id;
        t.channel = channel;
        t.occurredAt = Instant.parse("2026-12-07T10:00:00Z");
        t.campaign = "2026-12-bf";
        return t;
    }

    @Test
    void aRepeatInThePollAndOneAlreadyStoredAreDuplicatesAndARefusedOneIsNotCounted() {
        UUID fresh = UUID.randomUUID(), storedBefore = UUID.randomUUID(), repeated = UUID.randomUUID(),
                refused = UUID.randomUUID();
        List<StoredTouchpoint> read = List.of(touchpoint(fresh, "search"), touchpoint(storedBefore, "search"),
                touchpoint(repeated, "email"), touchpoint(repeated, "email"), touchpoint(refused, "search"));
        // The database was offered the poll's distinct touchpoints but the refused one, and stored two as new.
        List<Observation> observed = TouchpointListener.observations(read, Set.of(fresh, storedBefore, repeated),
                Set.of(fresh, repeated));
        assertEquals(List.of(false, true, false, true), observed.stream().map(Observation::duplicate).toList());
        assertEquals(List.of("search", "search", "email", "email"), observed.stream().map(Observation::channel).toList());
    }
}
