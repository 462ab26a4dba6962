package io.mops.budget.signal;

import io.mops.budget.reallocation.ReallocationService;
import io.mops.common.events.ChannelPerformanceUpdated;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Takes in attribution's channel performance and lets the autonomous loop reconsider the plans that fund the
 * channel. A malformed message fails here and is dead-lettered by the connector
 * ({@code failure-strategy=dead-letter-queue}); a redelivered one is recognised by its event id.
 */
@ApplicationScoped
public class ChannelPerformanceListener {

    static final String CONSUMER = "budget.channel-signal";
    static final String REALLOCATION = "budget.reallocation-on-performance";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final ReallocationService reallocation;

    public ChannelPerformanceListener(EventCodec codec, IdempotentConsumer idempotent,
                                      ReallocationService reallocation) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.reallocation = reallocation;
    }

    @Incoming("channel-performance")
    public Uni<Void> onChannelPerformance(String payload) {
        return Uni.createFrom().item(() -> codec.read(payload, ChannelPerformanceUpdated.TYPE))
                // The signal commits first, so that the proposal's response curve is fitted with it.
                .flatMap(event -> idempotent.applyOnce(CONSUMER, event, e -> ChannelSignal.from(e).persist())
                        .chain(() -> reallocation.onEvidence(REALLOCATION, event, event.data().channel(),
                                "ChannelPerformanceUpdated " + event.id() + " (" + event.data().channel() + ", "
                                        + event.data().model() + ")")))
                .replaceWithVoid();
    }
}
