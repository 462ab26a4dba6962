package io.mops.testing.exposure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A unit's first exposure to an experiment, and the outcomes it has produced since. */
@Entity
@Table(name = "exposure")
public class Exposure extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "experiment_id", nullable = false)
    public UUID experimentId;
    @Column(name = "unit_id", nullable = false)
    public String unitId;
    @Column(name = "variant_key", nullable = false)
    public String variantKey;
    @Column(name = "allocation_version", nullable = false)
    public int allocationVersion;
    @Column(name = "exposed_at", nullable = false)
    public Instant exposedAt;
    /** First exposed after the experiment concluded with a winner: counts for the rollout, not the experiment. */
    @Column(name = "after_conclusion", nullable = false)
    public boolean afterConclusion;
    @Column(nullable = false)
    public int outcomes;
    @Column(name = "value_total", nullable = false)
    public BigDecimal valueTotal;
}
