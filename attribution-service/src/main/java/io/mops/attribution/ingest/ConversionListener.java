package io.mops.attribution.ingest;

import io.mops.common.events.ConversionObserved;
import io.mops.common.events.EventCodec;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;

/**
 * Stores reported conversions a whole poll at a time in one transaction; invalid ones are dead-lettered on their
 * own with the reason, redeliveries skipped by event id ({@link BatchIngest}).
 */
@ApplicationScoped
public class ConversionListener {

    private final EventCodec codec;
    private final BatchIngest ingest;
    private final IngestInbox inbox;
    private final Clock clock;

    public ConversionListener(EventCodec codec, BatchIngest ingest, IngestInbox inbox, Clock clock) {
        this.clock = clock;
        this.codec = codec;
        this.ingest = ingest;
        this.inbox = inbox;
    }

    @Incoming("conversions")
    public Uni<Void> onConversions(ConsumerRecords<String, String> records) {
        Instant receivedAt = Instant.now(clock);
        return ingest.ingest(records,
                record -> StoredConversion.from(codec.read(record.value(), ConversionObserved.TYPE), receivedAt),
                conversion -> conversion.eventId,
                conversions -> inbox.storeConversions(conversions));
    }
}
