package io.mops.budget.activation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One exchange with a platform, kept for the audit. */
@Entity
@Table(name = "activation_attempt")
public class ActivationAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "request_id", nullable = false)
    public UUID requestId;
    @Column(nullable = false)
    public int attempt;
    @Column(name = "sent_at", nullable = false)
    public Instant sentAt;
    @Column(name = "request_body", nullable = false)
    public String requestBody;
    /** Null when no answer came. */
    @Column(name = "status_code")
    public Integer statusCode;
    @Column(name = "response_body")
    public String responseBody;
    @Column
    public String error;
    @Column(name = "duration_millis", nullable = false)
    public long durationMillis;
}
