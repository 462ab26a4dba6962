package io.mops.approval.decision;

import io.mops.approval.routing.ApprovalRound;
import io.mops.approval.routing.Verdict;
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

/** One approver's word on one request: the record of every decision, never changed afterwards. */
@Entity
@Table(name = "approval_decision")
public class ApprovalDecision extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "request_id", nullable = false)
    public UUID requestId;
    @Column(name = "decided_by", nullable = false)
    public String decidedBy;
    /** The colleague whose seat the decider took under a delegation, or null. */
    @Column(name = "on_behalf_of")
    public String onBehalfOf;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;
    @Column(columnDefinition = "text")
    public String comment;
    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
    @Column(name = "stage_position")
    public Integer stagePosition;
    @Column(name = "evidence_version", nullable = false)
    public int evidenceVersion = 1;
    @Column(name = "teach_brand_voice", nullable = false)
    public boolean teachBrandVoice;

    /** "nina" or "nina on behalf of omar". */
    public String by() {
        return onBehalfOf == null ? decidedBy : decidedBy + " on behalf of " + onBehalfOf;
    }

    public ApprovalRound.Vote toVote() {
        return new ApprovalRound.Vote(decidedBy, onBehalfOf, stagePosition == null ? 0 : stagePosition, verdict,
                evidenceVersion);
    }

    public static Uni<List<ApprovalDecision>> of(UUID requestId) {
        return ApprovalDecision.list("requestId = ?1 order by decidedAt, id", requestId);
    }
}
