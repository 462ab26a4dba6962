package io.mops.attribution.ingest;

import io.mops.common.events.EventCodec;
import io.mops.common.events.TouchpointObserved;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;

/**
 * Stores the touchpoints the channel integrations report, a whole poll at a time in one transaction; a redelivered
 * touchpoint is recognised by its event id, a poison record is dead-lettered on its own ({@link BatchIngest}).
 */
@ApplicationScoped
public class TouchpointListener {

    private final EventCodec codec;
    private final BatchIngest ingest;
    private final IngestInbox inbox;
    private final Clock clock;

    public TouchpointListener(EventCodec codec, BatchIngest ingest, IngestInbox inbox, Clock clock) {
        this.clock = clock;
        this.codec = codec;
        this.ingest = ingest;
        this.inbox = inbox;
    }

    @Incoming("touchpoints")
    public Uni<Void> onTouchpoints(ConsumerRecords<String, String> records) {
        Instant receivedAt = Instant.now(clock);
        return ingest.ingest(records,
                record -> StoredTouchpoint.from(codec.read(record.value(), TouchpointObserved.TYPE), receivedAt),
                touchpoint -> touchpoint.eventId,
                touchpoints -> inbox.storeTouchpoints(touchpoints));
    }
}
