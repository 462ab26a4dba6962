package io.mops.qa.approval;

import io.mops.common.events.ApprovalExpired;
import io.mops.common.events.ApprovalGranted;
import io.mops.common.events.ApprovalRejected;
import io.mops.common.events.BrandVoiceTaught;
import io.mops.common.events.ChangesRequested;
import io.mops.common.events.EventCodec;
import io.mops.common.events.PoisonEventException;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.mops.qa.brand.BrandCorpus;
import io.mops.qa.clearance.LaunchClearance;
import io.mops.qa.run.LaunchApprovalRequest;
import io.mops.qa.run.QaRun;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Hears approval-service's decisions and records those on campaign launches on the QA run they name. The topic
 * carries decisions on every kind of request from every service; only {@value LaunchApprovalRequest#KIND} ones are
 * this service's. Each decision event is applied once; the first decision on a run stands, because approval-service
 * never decides one request twice and a second answer can only be a stray. A decision naming no run of this service
 * can never be applied and is dead-lettered by the connector.
 */
@ApplicationScoped
public class LaunchDecisionListener {

    static final String GRANTED = "qa.launch-approval-granted";
    static final String REJECTED = "qa.launch-approval-rejected";
    static final String CHANGES_REQUESTED = "qa.launch-changes-requested";
    static final String EXPIRED = "qa.launch-approval-expired";
    static final String TAUGHT = "qa.brand-voice-taught";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final BrandCorpus brands;
    private final LaunchClearance clearance;
    private final Clock clock;

    public LaunchDecisionListener(EventCodec codec, IdempotentConsumer idempotent, BrandCorpus brands,
                                  LaunchClearance clearance, Clock clock) {
        this.clearance = clearance;
        this.clock = clock;
        this.codec = codec;
        this.idempotent = idempotent;
        this.brands = brands;
    }

    @Incoming("approval-decisions")
    @RetryWhileDatabaseAway
    public Uni<Void> onDecision(String payload) {
        return Uni.createFrom().deferred(() -> {
            var granted = codec.readIf(payload, ApprovalGranted.TYPE);
            if (granted.isPresent()) {
                ApprovalGranted data = granted.get().data();
                return isLaunch(data.kind())
                        ? decide(GRANTED, granted.get(), data.reference(), QaRun.Approval.APPROVED,
                        String.join(", ", data.approvedBy()), data.comment())
                        : Uni.createFrom().voidItem();
            }
            var rejected = codec.readIf(payload, ApprovalRejected.TYPE);
            if (rejected.isPresent()) {
                ApprovalRejected data = rejected.get().data();
                return isLaunch(data.kind())
                        ? decide(REJECTED, rejected.get(), data.reference(), QaRun.Approval.REJECTED,
                        data.rejectedBy(), data.comment())
                        : Uni.createFrom().voidItem();
            }
            var changes = codec.readIf(payload, ChangesRequested.TYPE);
            if (changes.isPresent()) {
                ChangesRequested data = changes.get().data();
                return isLaunch(data.kind())
                        ? decide(CHANGES_REQUESTED, changes.get(), data.reference(), QaRun.Approval.CHANGES_REQUESTED,
                        data.requestedBy(), data.comment())
                        : Uni.createFrom().voidItem();
            }
            var expired = codec.readIf(payload, ApprovalExpired.TYPE);
            if (expired.isPresent()) {
                ApprovalExpired data = expired.get().data();
                return isLaunch(data.kind())
                        ? decide(EXPIRED, expired.get(), data.reference(), QaRun.Approval.EXPIRED, "approval-service",
                        "nobody decided before " + data.expiredAt())
                        : Uni.createFrom().voidItem();
            }
            var taught = codec.readIf(payload, BrandVoiceTaught.TYPE);
            if (taught.isPresent()) {
                BrandVoiceTaught data = taught.get().data();
                return idempotent.applyOnce(TAUGHT, taught.get(), e -> brands.teach(data.brand(), data.copy(),
                        data.reason(), data.taughtBy() + " (approval " + data.requestId() + ")", data.requestId()))
                        .replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }

    private static boolean isLaunch(String kind) {
        return LaunchApprovalRequest.KIND.equals(kind);
    }

    private <T> Uni<Void> decide(String consumer, ReceivedEvent<T> event, String reference, QaRun.Approval outcome,
                                 String decidedBy, String comment) {
        UUID runId = runId(reference);
        return idempotent.applyOnce(consumer, event, e -> QaRun.<QaRun>findById(runId).chain(run -> {
            if (run == null) {
                throw new PoisonEventException("no QA run " + runId + " for the " + outcome + " launch decision "
                        + event.id());
            }
            if (run.approval != QaRun.Approval.PENDING) {
                Log.warnf("QA run %s is already %s; ignoring the %s decision %s", runId, run.approval, outcome,
                        event.id());
                return Uni.createFrom().voidItem();
            }
            run.approval = outcome;
            run.approvalDecidedBy = decidedBy;
            run.approvalComment = comment;
            run.approvalDecidedAt = Instant.now(clock);
            // A grant clears the campaign for launch in this same transaction (if the run is still its newest).
            return outcome == QaRun.Approval.APPROVED
                    ? QaRun.newestOf(run.campaignId).chain(newest -> clearance.afterGrant(run.forClearance(),
                            newest == null ? null : newest.id, decidedBy))
                    : Uni.createFrom().voidItem();
        })).replaceWithVoid();
    }

    private static UUID runId(String reference) {
        try {
            return UUID.fromString(reference);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("reference '" + reference + "' of a " + LaunchApprovalRequest.KIND
                    + " decision is no QA run id");
        }
    }
}
