package io.mops.common.outbox;

import io.mops.common.events.EventCodec;
import io.mops.common.events.EventEnvelope;
import io.mops.common.events.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Records events for publication. Call it inside the transaction that changes the state the event describes
 * ({@code Panache.withTransaction}, or {@link #recordAll} on the connection of a plain-SQL transaction): both commit
 * together or neither does, and the {@link OutboxRelay} publishes whatever committed, even after a crash or while
 * Kafka was away. This class is the one writer of the {@code outbox_event} table.
 */
@ApplicationScoped
public class Outbox {

    /** An event ready for the outbox: its envelope and the topic its type is published on. */
    public record Entry(String topic, EventEnvelope envelope) {

        public static <T> Entry of(EventType<T> type, EventEnvelope envelope) {
            return new Entry(type.topic(), envelope);
        }
    }

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

    /**
     * An entry whose event id the caller derives from what identifies the event, so that recording it again (the
     * same file imported twice) is recognised by {@link #recordAll}.
     */
    public <T> Entry entry(EventType<T> type, UUID id, String subject, T data) {
        return Entry.of(type, codec.envelope(id, type, subject, data));
    }

    /**
     * Records a batch of events with one statement on {@code transaction}, a connection inside a plain-SQL
     * transaction (a streamed import, a poll applied with array inserts) that Hibernate's session does not see.
     * An event whose id the outbox already holds is skipped, not written twice.
     *
     * @return how many events were newly recorded
     */
    public Uni<Integer> recordAll(SqlClient transaction, List<Entry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = entries.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            EventEnvelope envelope = entries.get(i).envelope();
            ids[i] = envelope.id();
            topics[i] = entries.get(i).topic();
            keys[i] = envelope.subject();
            types[i] = envelope.type();
            payloads[i] = codec.write(envelope);
        }
        return transaction.preparedQuery("""
                        insert into outbox_event (id, topic, message_key, event_type, payload, created_at, attempts)
                        select *, $6, 0 from unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[])
                        on conflict (id) do nothing""")
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(topics).addArrayOfString(keys)
                        .addArrayOfString(types).addArrayOfString(payloads)
                        .addOffsetDateTime(Instant.now(clock).atOffset(ZoneOffset.UTC)))
                .map(inserted -> inserted.rowCount());
    }
}
