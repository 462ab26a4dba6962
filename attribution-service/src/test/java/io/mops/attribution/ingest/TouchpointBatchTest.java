package io.mops.attribution.ingest;

import io.mops.common.events.PoisonEventException;
import io.mops.common.events.TouchpointObserved;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TouchpointBatchTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    /** A record in these tests: the event id, the channel, and the user ("" for none). */
    private record Sent(UUID id, String channel, String userId) {
    }

    private static final Function<Sent, StoredTouchpoint> READ = sent -> {
        try {
            return StoredTouchpoint.of(sent.id(), new TouchpointObserved(sent.userId(), null,
                    Instant.parse("2026-11-24T09:30:00Z"), sent.channel(), "brand-q4", "click",
                    new BigDecimal("0.85"), "EUR"), RECEIVED);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(e.getMessage());
        }
    };

    @Test
    void aRedeliveryInsideOnePollIsStoredOnceAsFirstReceived() {
        TouchpointBatch<Sent> batch = TouchpointBatch.read(List.of(
                new Sent(FIRST, "search", "u1"), new Sent(SECOND, "email", "u2"), new Sent(FIRST, "social", "u1")),
                READ);

        assertEquals(List.of(FIRST, SECOND), batch.touchpoints().stream().map(t -> t.eventId).toList());
        assertEquals("search", batch.touchpoints().iterator().next().channel);
        assertEquals(List.of(), batch.rejected());
    }

    @Test
    void aPoisonRecordIsRejectedWithItsReasonAndTheGoodOnesAroundItAreKept() {
        Sent poison = new Sent(UUID.randomUUID(), "display", "");

        TouchpointBatch<Sent> batch = TouchpointBatch.read(List.of(
                new Sent(FIRST, "search", "u1"), poison, new Sent(SECOND, "email", "u2")), READ);

        assertEquals(List.of(FIRST, SECOND), batch.touchpoints().stream().map(t -> t.eventId).toList());
        assertEquals(1, batch.rejected().size());
        assertEquals(poison, batch.rejected().getFirst().record());
        assertEquals("userId or anonymousId: a touchpoint must name its customer", batch.rejected().getFirst().reason());
    }
}
