package io.mops.common.outbox;

import io.mops.common.events.EventCodec;
import io.mops.common.events.EventEnvelope;
import io.mops.common.events.EventType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * Records events for publication. Call it inside the transaction that changes the state the event describes
 * ({@code Panache.withTransaction}): both commit together or neither does, and the {@link OutboxRelay}
 * publishes whatever committed, even after a crash or while Kafka was away.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;
    private final Clock clock;

    public Outbox(EventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    public <T> Uni<EventEnvelope> record(EventType<T> type, String subject, T data) {
        EventEnvelope envelope = codec.envelope(type, subject, data);
        OutboxEvent row = new OutboxEvent();
        row.id = envelope.id();
        row.topic = type.topic();
        row.messageKey = subject;
        row.eventType = type.name();
        row.payload = codec.write(envelope);
        row.createdAt = Instant.now(clock);
        return row.persist().replaceWith(envelope);
    }
}
