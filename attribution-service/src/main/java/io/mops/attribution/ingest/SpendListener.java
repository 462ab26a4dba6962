package io.mops.attribution.ingest;

import io.mops.common.events.CampaignSpendReported;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stores the spend the channel integrations report, for ROAS per channel. budget-service reads the same topic
 * with its own group. A report without a channel is valid (older integrations do not send one) but cannot be
 * credited to a channel: it is skipped, not dead-lettered, and counted in the log.
 */
@ApplicationScoped
public class SpendListener {

    static final String CONSUMER = "attribution.spend";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final AtomicLong withoutChannel = new AtomicLong();

    public SpendListener(EventCodec codec, IdempotentConsumer idempotent) {
        this.codec = codec;
        this.idempotent = idempotent;
    }

    @Incoming("spend")
    public Uni<Void> onSpend(String payload) {
        return Uni.createFrom().item(() -> codec.readIf(payload, CampaignSpendReported.TYPE))
                .flatMap(read -> {
                    if (read.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    var event = read.get();
                    if (event.data().channel() == null) {
                        Log.infof("spend report %s of campaign %s names no channel; skipped (%d without a channel "
                                + "since start)", event.id(), event.data().campaignId(), withoutChannel.incrementAndGet());
                        return Uni.createFrom().voidItem();
                    }
                    StoredSpend spend = StoredSpend.of(event.id(), event.data(), Instant.now());
                    return idempotent.applyOnce(CONSUMER, event, e -> spend.persist()).replaceWithVoid();
                });
    }
}
