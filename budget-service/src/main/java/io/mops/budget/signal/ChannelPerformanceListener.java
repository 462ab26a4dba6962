package io.mops.budget.signal;

import io.mops.common.events.ChannelPerformanceUpdated;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes in attribution's channel performance. A malformed message fails here and is dead-lettered by the
 * connector ({@code failure-strategy=dead-letter-queue}); a redelivered one is recognised by its event id.
 */
@ApplicationScoped
public class ChannelPerformanceListener {

    static final String CONSUMER = "budget.channel-signal";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;

    public ChannelPerformanceListener(EventCodec codec, IdempotentConsumer idempotent) {
        this.codec = codec;
        this.idempotent = idempotent;
    }

    @Incoming("channel-performance")
    public Uni<Void> onChannelPerformance(String payload) {
        return Uni.createFrom().item(() -> codec.read(payload, ChannelPerformanceUpdated.TYPE))
                .flatMap(event -> idempotent.applyOnce(CONSUMER, event, e -> ChannelSignal.from(e).persist()))
                .replaceWithVoid();
    }
}
