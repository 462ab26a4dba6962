package io.mops.approval.notify;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A mail to one person, written in the transaction of what it tells and sent afterwards (or in the digest). */
@Entity
@Table(name = "approval_notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String recipient;
    @Column(nullable = false)
    public String address;
    /** assigned, reminder, escalated, decided. */
    @Column(nullable = false)
    public String topic;
    @Column(name = "request_id")
    public UUID requestId;
    @Column(nullable = false, columnDefinition = "text")
    public String subject;
    @Column(nullable = false, columnDefinition = "text")
    public String body;
    @Column(nullable = false)
    public boolean digest;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;
}
