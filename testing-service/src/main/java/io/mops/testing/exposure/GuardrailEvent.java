package io.mops.testing.exposure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An exposed unit triggered a guardrail metric (unsubscribed, complained). */
@Entity
@Table(name = "guardrail_event")
public class GuardrailEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "experiment_id", nullable = false)
    public UUID experimentId;
    @Column(nullable = false)
    public String metric;
    @Column(name = "unit_id", nullable = false)
    public String unitId;
    @Column(name = "variant_key", nullable = false)
    public String variantKey;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
