package io.mops.budget.activation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One request to one platform, written in the transaction that applies the event it answers; its id is its
 * idempotency key (a SENT request is never sent again).
 */
@Entity
@Table(name = "activation_request")
public class ActivationRequest extends PanacheEntityBase {

    public enum Status {
        /** Dry-run: built and recorded, never sent. */
        DRY_RUN,
        /** Waiting for the sender (a first attempt, or again after a retryable answer). */
        PENDING,
        /** Being sent now. */
        SENDING,
        /** The platform applied it. */
        SENT,
        /** The platform refused it for good, or it ran out of attempts. */
        FAILED
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivationKind kind;
    /** The budget campaign; null for a winner's request, which names the experiment and variant instead. */
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "experiment_key")
    public String experimentKey;
    @Column(name = "variant_key")
    public String variantKey;
    @Column(nullable = false)
    public String channel;
    @Column(name = "event_id", nullable = false)
    public UUID eventId;
    @Column(name = "event_type", nullable = false)
    public String eventType;
    @Column(nullable = false)
    public String method;
    @Column(nullable = false)
    public String url;
    @Column(name = "content_type", nullable = false)
    public String contentType;
    @Column(nullable = false)
    public String body;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Column(nullable = false)
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "last_error")
    public String lastError;

    public PlatformRequest request() {
        return new PlatformRequest(method, url, contentType, body);
    }
}
