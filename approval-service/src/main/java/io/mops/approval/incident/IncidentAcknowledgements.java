package io.mops.approval.incident;

import io.mops.approval.audit.AuditLog;
import io.mops.approval.request.ApprovalRequest;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A named CoE person acknowledges an incident handed over by an automatic containment: once, with a comment, kept on
 * the request and in the audit trail in one transaction. Acknowledging stops the acknowledgement's escalation; it
 * decides nothing — the incident is still resolved by granting it (which lifts the containment in the requesting
 * service).
 */
@ApplicationScoped
public class IncidentAcknowledgements {

    private final AuditLog audit;
    private final Clock clock;

    public IncidentAcknowledgements(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    public Uni<Void> acknowledge(UUID id, String by, String comment) {
        // The row lock serialises two people acknowledging at once: the second sees the first's acknowledgement.
        return Panache.withTransaction(() -> ApprovalRequest.<ApprovalRequest>findById(id,
                        LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no approval request " + id))
                .chain(request -> {
                    if (!request.incident()) {
                        throw new ConflictProblem("request " + id + " is a " + request.kind
                                + ", not an Incident: only incidents are acknowledged");
                    }
                    if (request.acknowledgedAt != null) {
                        throw new ConflictProblem("incident " + id + " was already acknowledged by "
                                + request.acknowledgedBy + " at " + request.acknowledgedAt);
                    }
                    if (request.status == ApprovalRequest.Status.GRANTED
                            || request.status == ApprovalRequest.Status.WITHDRAWN) {
                        throw new ConflictProblem("incident " + id + " is already " + request.status
                                + ": there is nothing left to acknowledge");
                    }
                    Instant now = clock.instant();
                    request.acknowledgedBy = by;
                    request.acknowledgedAt = now;
                    request.acknowledgement = comment;
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("comment", comment);
                    details.put("dueAt", request.acknowledgementDueAt == null ? null
                            : request.acknowledgementDueAt.toString());
                    details.put("late", request.acknowledgementDueAt != null
                            && now.isAfter(request.acknowledgementDueAt));
                    return audit.append(by, AuditLog.ACKNOWLEDGED, request.id.toString(), details).replaceWithVoid();
                }));
    }
}
