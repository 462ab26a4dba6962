package io.mops.approval.decision;

import io.mops.approval.request.ApprovalRequest;
import io.mops.common.events.ApprovalGranted;
import io.mops.common.events.ApprovalRejected;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records an approver's decision and, when it settles the request, tells the requesting service — the decision,
 * the request's new state and the event commit together.
 */
@ApplicationScoped
public class ApprovalDecisionService {

    private final FourEyesPolicy policy;
    private final Outbox outbox;

    public ApprovalDecisionService(ApprovalConfig config, Outbox outbox) {
        this.policy = new FourEyesPolicy(config.secondApproverAbove());
        this.outbox = outbox;
    }

    public Uni<ApprovalDetail> detail(UUID id) {
        return Panache.withSession(() -> find(id, LockModeType.NONE)
                .flatMap(request -> ApprovalDecision.of(id)
                        .map(decisions -> ApprovalDetail.of(request, policy.approversNeeded(request.amount), decisions))));
    }

    public Uni<ApprovalDetail> decide(UUID id, String decider, DecisionRequest decision) {
        // The row lock serialises two approvers deciding at once, so a four-eyes request cannot be granted twice.
        return Panache.withTransaction(() -> find(id, LockModeType.PESSIMISTIC_WRITE).flatMap(request -> {
            if (request.status == ApprovalRequest.Status.WITHDRAWN) {
                throw new ConflictProblem("request " + id + " was withdrawn by " + request.withdrawnBy + " ("
                        + request.withdrawalReason + "); it needs no decision any more");
            }
            if (request.status != ApprovalRequest.Status.PENDING) {
                throw new ConflictProblem("request " + id + " is already " + request.status);
            }
            return ApprovalDecision.of(id).flatMap(earlier -> {
                List<String> approvers = earlier.stream()
                        .filter(d -> d.verdict == Verdict.GRANT).map(d -> d.decidedBy).toList();
                FourEyesPolicy.Outcome outcome;
                try {
                    outcome = policy.decide(request.requestedBy, request.amount, approvers, decider, decision.verdict());
                } catch (FourEyesPolicy.DecisionRefused refused) {
                    throw new ConflictProblem(refused.getMessage());
                }
                ApprovalDecision recorded = new ApprovalDecision();
                recorded.id = UUID.randomUUID();
                recorded.requestId = id;
                recorded.decidedBy = decider;
                recorded.verdict = decision.verdict();
                recorded.comment = decision.comment();
                recorded.decidedAt = Instant.now();
                List<ApprovalDecision> all = new ArrayList<>(earlier);
                all.add(recorded);
                return recorded.persist()
                        .chain(() -> settle(request, outcome, approvers, recorded))
                        .map(ignored -> ApprovalDetail.of(request, policy.approversNeeded(request.amount), all));
            });
        }));
    }

    private Uni<?> settle(ApprovalRequest request, FourEyesPolicy.Outcome outcome, List<String> approvers,
                          ApprovalDecision last) {
        return switch (outcome) {
            case AWAITING_SECOND_APPROVER -> Uni.createFrom().voidItem();
            case GRANTED -> {
                request.status = ApprovalRequest.Status.GRANTED;
                request.decidedAt = last.decidedAt;
                List<String> everyone = new ArrayList<>(approvers);
                everyone.add(last.decidedBy);
                yield outbox.record(ApprovalGranted.TYPE, request.subject,
                        new ApprovalGranted(request.id, request.kind, reference(request), everyone, last.comment));
            }
            case REJECTED -> {
                request.status = ApprovalRequest.Status.REJECTED;
                request.decidedAt = last.decidedAt;
                yield outbox.record(ApprovalRejected.TYPE, request.subject,
                        new ApprovalRejected(request.id, request.kind, reference(request), last.decidedBy, last.comment));
            }
        };
    }

    private static String reference(ApprovalRequest request) {
        return request.reference == null ? request.id.toString() : request.reference;
    }

    private static Uni<ApprovalRequest> find(UUID id, LockModeType lock) {
        return ApprovalRequest.<ApprovalRequest>findById(id, lock)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no approval request " + id));
    }
}
