package io.mops.approval.notify;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message to a group's webhook with its attempts: delivered, waiting for a retry, or given up (failed). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "group_name", nullable = false)
    public String group;
    @Column(nullable = false, columnDefinition = "text")
    public String url;
    @Column(nullable = false, columnDefinition = "text")
    public String body;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "failed_at")
    public Instant failedAt;
    @Column(name = "last_status")
    public Integer lastStatus;
    @Column(name = "last_error", columnDefinition = "text")
    public String lastError;

    public String state() {
        return deliveredAt != null ? "DELIVERED" : failedAt != null ? "FAILED" : attempts == 0 ? "PENDING" : "RETRYING";
    }
}
