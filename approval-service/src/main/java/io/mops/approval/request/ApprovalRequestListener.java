package io.mops.approval.request;

import io.mops.approval.audit.AuditLog;
import io.mops.common.events.ApprovalRequested;
import io.mops.common.events.ApprovalWithdrawn;
import io.mops.common.events.EventCodec;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/**
 * Queues what other services ask people to decide, and takes out what they withdraw; each event applies once.
 * Both travel on the requests topic with the same key, so a withdrawal never arrives before its request.
 */
@ApplicationScoped
public class ApprovalRequestListener {

    static final String CONSUMER = "approval.request-queue";
    static final String WITHDRAWALS = "approval.request-withdrawal";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final ApprovalIntake intake;
    private final AuditLog audit;

    public ApprovalRequestListener(EventCodec codec, IdempotentConsumer idempotent, ApprovalIntake intake,
                                   AuditLog audit) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.intake = intake;
        this.audit = audit;
    }

    @Incoming("approval-requests")
    @RetryWhileDatabaseAway
    public Uni<Void> onApprovalRequested(String payload) {
        return Uni.createFrom().item(() -> codec.readIf(payload, ApprovalRequested.TYPE))
                .flatMap(event -> event
                        .map(e -> idempotent.applyOnce(CONSUMER, e, intake::receive))
                        .orElseGet(() -> codec.readIf(payload, ApprovalWithdrawn.TYPE)
                                .map(e -> idempotent.applyOnce(WITHDRAWALS, e, this::withdraw))
                                .orElseGet(() -> Uni.createFrom().item(false))))
                .replaceWithVoid();
    }

    /**
     * Withdraws the requester's pending request of that kind and reference. One already decided keeps its decision:
     * the requester hears it and ignores it. The row lock orders this against an approver deciding at the same time.
     */
    private Uni<Void> withdraw(ReceivedEvent<ApprovalWithdrawn> event) {
        ApprovalWithdrawn withdrawn = event.data();
        String source = event.envelope().source();
        return ApprovalRequest.<ApprovalRequest>find("source = ?1 and kind = ?2 and reference = ?3", source,
                        withdrawn.kind(), withdrawn.reference())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain((List<ApprovalRequest> requests) -> {
                    if (requests.isEmpty()) {
                        Log.infof("withdrawal of unknown %s %s from %s ignored", withdrawn.kind(),
                                withdrawn.reference(), source);
                    }
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (ApprovalRequest request : requests) {
                        if (request.status.open()) {
                            request.withdraw(withdrawn.withdrawnBy(), reason(withdrawn), event.envelope().time());
                            all = all.chain(() -> audit.append(withdrawn.withdrawnBy(), AuditLog.WITHDRAWN,
                                    request.id.toString(), java.util.Map.of("reason", reason(withdrawn)))).replaceWithVoid();
                        } else {
                            Log.infof("withdrawal of request %s ignored: it is already %s", request.id,
                                    request.status);
                        }
                    }
                    return all;
                });
    }

    private static String reason(ApprovalWithdrawn withdrawn) {
        return withdrawn.detail() == null ? withdrawn.reason() : withdrawn.reason() + ": " + withdrawn.detail();
    }
}
