package io.mops.approval.request;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "approval_request")
public class ApprovalRequest extends PanacheEntityBase {

    public enum Status { PENDING, GRANTED, REJECTED, EXPIRED, SUPERSEDED }

    @Id
    public UUID id;
    @Column(nullable = false)
    public String subject;
    @Column(nullable = false)
    public String kind;
    @Column(nullable = false, columnDefinition = "text")
    public String summary;
    public String channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;
    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;
}
