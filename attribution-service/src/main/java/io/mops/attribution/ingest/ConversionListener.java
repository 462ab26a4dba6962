package io.mops.attribution.ingest;

import io.mops.common.events.ConversionObserved;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/** Stores reported conversions; invalid ones are dead-lettered with the reason, redeliveries skipped by event id. */
@ApplicationScoped
public class ConversionListener {

    static final String CONSUMER = "attribution.conversion";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;

    public ConversionListener(EventCodec codec, IdempotentConsumer idempotent) {
        this.codec = codec;
        this.idempotent = idempotent;
    }

    @Incoming("conversions")
    public Uni<Void> onConversion(String payload) {
        return Uni.createFrom().item(() -> codec.read(payload, ConversionObserved.TYPE))
                .flatMap(event -> {
                    StoredConversion conversion = StoredConversion.from(event, Instant.now());
                    return idempotent.applyOnce(CONSUMER, event, e -> conversion.persist());
                })
                .replaceWithVoid();
    }
}
