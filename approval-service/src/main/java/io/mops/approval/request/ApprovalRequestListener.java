package io.mops.approval.request;

import io.mops.common.events.ApprovalRequested;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Queues what other services ask people to decide; a redelivered request is queued once. */
@ApplicationScoped
public class ApprovalRequestListener {

    static final String CONSUMER = "approval.request-queue";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;

    public ApprovalRequestListener(EventCodec codec, IdempotentConsumer idempotent) {
        this.codec = codec;
        this.idempotent = idempotent;
    }

    @Incoming("approval-requests")
    public Uni<Void> onApprovalRequested(String payload) {
        return Uni.createFrom().item(() -> codec.readIf(payload, ApprovalRequested.TYPE))
                .flatMap(event -> event
                        .map(e -> idempotent.applyOnce(CONSUMER, e, ev -> ApprovalRequest.from(ev).persist()))
                        .orElseGet(() -> Uni.createFrom().item(false)))
                .replaceWithVoid();
    }
}
