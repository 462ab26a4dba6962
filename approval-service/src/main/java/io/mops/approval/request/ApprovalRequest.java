package io.mops.approval.request;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A decision people must take; its id is the id of the ApprovalRequested event that first asked for it. */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest extends PanacheEntityBase {

    public enum Status {
        /** Waiting for approvers. */
        PENDING,
        /** An approver asked the requester for changes; a revised request (new evidence) reopens it. */
        CHANGES_REQUESTED,
        GRANTED,
        REJECTED,
        /** Nobody decided before {@code expiresAt}. */
        EXPIRED,
        /** The requester no longer wants a decision (a newer request replaced it, or it lapsed there). */
        WITHDRAWN;

        public boolean open() {
            return this == PENDING || this == CHANGES_REQUESTED;
        }
    }

    @Id
    public UUID id;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false)
    public String kind;
    public String reference;
    public String source;
    @Column(nullable = false, columnDefinition = "text")
    public String summary;
    @Column(columnDefinition = "text")
    public String explanation;
    public String channel;
    public BigDecimal amount;
    @Column(columnDefinition = "char(3)")
    public String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdrawal_reason", columnDefinition = "text")
    public String withdrawalReason;
    @Column(name = "policy_name")
    public String policyName;
    @Column(name = "policy_version")
    public Integer policyVersion;
    @Column(name = "stage_order")
    public String stageOrder;
    @Column(name = "on_expiry")
    public String onExpiry;
    @Column(name = "evidence_version", nullable = false)
    public int evidenceVersion = 1;
    @Column(name = "risk_score")
    public Integer riskScore;
    @Column(name = "risk_verdict")
    public String riskVerdict;
    /** Comma-separated. */
    @Column(name = "risk_categories", columnDefinition = "text")
    public String riskCategories;
    /** How it ended when no approver ended it: auto-approval by a policy, expiry. */
    @Column(name = "outcome_note", columnDefinition = "text")
    public String outcomeNote;
    /** An incident's acknowledgement is due by then (null for other kinds). */
    @Column(name = "ack_due_at")
    public Instant acknowledgementDueAt;
    @Column(name = "acknowledged_by")
    public String acknowledgedBy;
    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
    /** What the person who acknowledged the incident said. */
    @Column(name = "acknowledgement", columnDefinition = "text")
    public String acknowledgement;
    @Column(name = "ack_escalated_to")
    public String acknowledgementEscalatedTo;
    @Column(name = "ack_escalated_at")
    public Instant acknowledgementEscalatedAt;

    /** The kind of request an automatic containment opens: a person must acknowledge it, then resolve it. */
    public static final String INCIDENT = "Incident";

    public boolean incident() {
        return INCIDENT.equals(kind);
    }

    /**
     * The acknowledgement's clock in the shape of a stage's, so the SLA rules that escalate a stage escalate an
     * unacknowledged incident alike: opened on arrival, satisfied by the acknowledgement.
     */
    public io.mops.approval.routing.SlaRules.StageClock acknowledgementClock(String escalateTo) {
        return new io.mops.approval.routing.SlaRules.StageClock(requestedAt, acknowledgementDueAt, null, null,
                escalateTo, acknowledgementEscalatedAt, acknowledgedAt);
    }

    /** Takes a pending request out of the approvers' queue; when and why stay on it for the audit trail. */
    void withdraw(String by, String reason, Instant at) {
        status = Status.WITHDRAWN;
        withdrawnBy = by;
        withdrawalReason = reason;
        decidedAt = at;
    }

    /** The requester's own name for the request. */
    public String reference() {
        return reference == null ? id.toString() : reference;
    }

    public String policyLabel() {
        return policyName == null ? null : policyVersion == null || policyVersion == 0 ? policyName
                : policyName + " v" + policyVersion;
    }

    /** What notifications about this request say. */
    public io.mops.approval.notify.RequestNotice notice() {
        return new io.mops.approval.notify.RequestNotice(id, kind, status.name(), summary, channel, amount, currency,
                requestedBy, expiresAt);
    }
}
