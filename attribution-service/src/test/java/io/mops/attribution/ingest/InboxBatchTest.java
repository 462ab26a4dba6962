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

class InboxBatchTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    /** A record in these tests: the event id, the channel ("" for a record of no use), and the user ("" for none). */
    private record Sent(UUID id, String channel, String userId) {
    }

    private static final Function<Sent, StoredTouchpoint> READ = sent -> {
        if (sent.channel().isEmpty()) {
            return null;
        }
        try {
            return StoredTouchpoint.of(sent.id(), new TouchpointObserved(sent.userId(), null,
                    Instant.parse("2026-11-24T09:30:00Z"), sent.channel(), "brand-q4", "click",
                    new BigDecimal("0.85"), "EUR"), RECEIVED);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(e.getMessage());
        }
    };

    private static InboxBatch<Sent, StoredTouchpoint> read(Sent... records) {
        return InboxBatch.read(List.of(records), READ, t -> t.eventId);
    }

    @Test
    void aRedeliveryInsideOnePollIsStoredOnceAsFirstReceived() {
        InboxBatch<Sent, StoredTouchpoint> batch = read(
                new Sent(FIRST, "search", "u1"), new Sent(SECOND, "email", "u2"), new Sent(FIRST, "social", "u1"));

        assertEquals(List.of(FIRST, SECOND), batch.events().stream().map(t -> t.eventId).toList());
        assertEquals("search", batch.events().iterator().next().channel);
        assertEquals(List.of(), batch.rejected());
    }

    @Test
    void aPoisonRecordIsRejectedWithItsReasonAndTheGoodOnesAroundItAreKept() {
        Sent poison = new Sent(UUID.randomUUID(), "display", "");

        InboxBatch<Sent, StoredTouchpoint> batch = read(
                new Sent(FIRST, "search", "u1"), poison, new Sent(SECOND, "email", "u2"));

        assertEquals(List.of(FIRST, SECOND), batch.events().stream().map(t -> t.eventId).toList());
        assertEquals(1, batch.rejected().size());
        assertEquals(poison, batch.rejected().getFirst().record());
        assertEquals("userId or anonymousId: a touchpoint must name its customer", batch.rejected().getFirst().reason());
    }

    @Test
    void aRecordOfNoUseToTheConsumerIsSkippedNotRejected() {
        InboxBatch<Sent, StoredTouchpoint> batch = read(
                new Sent(FIRST, "search", "u1"), new Sent(UUID.randomUUID(), "", "u9"),
                new Sent(SECOND, "email", "u2"));

        assertEquals(List.of(FIRST, SECOND), batch.events().stream().map(t -> t.eventId).toList());
        assertEquals(List.of(), batch.rejected());
    }
}
