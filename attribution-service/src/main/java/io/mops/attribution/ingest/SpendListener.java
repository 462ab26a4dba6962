package io.mops.attribution.ingest;

import io.mops.common.events.CampaignSpendReported;
import io.mops.common.events.EventCodec;
import io.mops.common.events.ReceivedEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores the spend the channel integrations report, for ROAS per channel, a whole poll at a time in one transaction
 * ({@link BatchIngest}). budget-service reads the same topic with its own group, so other event types on it are
 * skipped. A report without a channel is valid (older integrations do not send one) but cannot be credited to a
 * channel: it is skipped, not dead-lettered, and counted in the log.
 */
@ApplicationScoped
public class SpendListener {

    private final EventCodec codec;
    private final BatchIngest ingest;
    private final IngestInbox inbox;
    private final AtomicLong withoutChannel = new AtomicLong();
    private final Clock clock;

    public SpendListener(EventCodec codec, BatchIngest ingest, IngestInbox inbox, Clock clock) {
        this.clock = clock;
        this.codec = codec;
        this.ingest = ingest;
        this.inbox = inbox;
    }

    @Incoming("spend")
    public Uni<Void> onSpend(ConsumerRecords<String, String> records) {
        Instant receivedAt = Instant.now(clock);
        return ingest.ingest(records, record -> creditable(record, receivedAt), spend -> spend.eventId,
                spend -> inbox.storeSpend(spend));
    }

    /** @return the spend to store, or {@code null} for another event type or a report without a channel */
    private StoredSpend creditable(ConsumerRecord<String, String> record, Instant receivedAt) {
        Optional<ReceivedEvent<CampaignSpendReported>> read = codec.readIf(record.value(), CampaignSpendReported.TYPE);
        if (read.isEmpty()) {
            return null;
        }
        ReceivedEvent<CampaignSpendReported> event = read.get();
        if (event.data().channel() == null) {
            Log.infof("spend report %s of campaign %s names no channel; skipped (%d without a channel since start)",
                    event.id(), event.data().campaignId(), withoutChannel.incrementAndGet());
            return null;
        }
        return StoredSpend.of(event.id(), event.data(), receivedAt);
    }
}
