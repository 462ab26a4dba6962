package io.mops.attribution.ingest;

import io.mops.common.events.EventCodec;
import io.mops.common.events.TouchpointObserved;
import io.mops.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;

/**
 * Stores the touchpoints the channel integrations report. A message that can never be stored fails here and is
 * dead-lettered by the connector with the reason; a redelivered one is recognised by its event id.
 */
@ApplicationScoped
public class TouchpointListener {

    static final String CONSUMER = "attribution.touchpoint";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;

    public TouchpointListener(EventCodec codec, IdempotentConsumer idempotent) {
        this.codec = codec;
        this.idempotent = idempotent;
    }

    @Incoming("touchpoints")
    public Uni<Void> onTouchpoint(String payload) {
        return Uni.createFrom().item(() -> codec.read(payload, TouchpointObserved.TYPE))
                .flatMap(event -> {
                    StoredTouchpoint touchpoint = StoredTouchpoint.from(event, Instant.now());
                    return idempotent.applyOnce(CONSUMER, event, e -> touchpoint.persist());
                })
                .replaceWithVoid();
    }
}
