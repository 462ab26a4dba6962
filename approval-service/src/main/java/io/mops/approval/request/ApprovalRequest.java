package io.mops.approval.request;

import io.mops.common.events.ApprovalRequested;
import io.mops.common.events.ReceivedEvent;
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

/** A decision people must take; its id is the id of the ApprovalRequested event that asked for it. */
@Entity
@Table(name = "approval_request")
public class ApprovalRequest extends PanacheEntityBase {

    public enum Status {
        PENDING, GRANTED, REJECTED, EXPIRED, SUPERSEDED,
        /** The requester no longer wants a decision (a newer request replaced it, or it lapsed there). */
        WITHDRAWN
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

    /** Takes a pending request out of the approvers' queue; when and why stay on it for the audit trail. */
    void withdraw(String by, String reason, Instant at) {
        status = Status.WITHDRAWN;
        withdrawnBy = by;
        withdrawalReason = reason;
        decidedAt = at;
    }

    static ApprovalRequest from(ReceivedEvent<ApprovalRequested> event) {
        ApprovalRequested asked = event.data();
        ApprovalRequest request = new ApprovalRequest();
        request.id = event.id();
        request.subject = event.envelope().subject();
        request.source = event.envelope().source();
        request.kind = asked.kind();
        request.reference = asked.reference();
        request.summary = asked.summary();
        request.explanation = asked.explanation();
        request.channel = asked.channel();
        request.amount = asked.amount();
        request.currency = asked.currency();
        request.requestedBy = asked.requestedBy();
        request.requestedAt = event.envelope().time();
        request.expiresAt = asked.expiresAt();
        request.status = Status.PENDING;
        return request;
    }
}
