package io.mops.approval.decision;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One approver's word on one request: the audit trail of every decision, never changed afterwards. */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "request_id", nullable = false)
    public UUID requestId;
    @Column(name = "decided_by", nullable = false)
    public String decidedBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;
    @Column(columnDefinition = "text")
    public String comment;
    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    static Uni<List<ApprovalDecision>> of(UUID requestId) {
        return ApprovalDecision.list("requestId = ?1 order by decidedAt", requestId);
    }
}
