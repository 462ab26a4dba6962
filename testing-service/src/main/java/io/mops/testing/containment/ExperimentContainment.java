package io.mops.testing.containment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A risk-guard containment that paused a channel's experiments, and who lifted it. */
@Entity
@Table(name = "experiment_containment")
public class ExperimentContainment extends PanacheEntityBase {

    /** The anomaly budget-service contained ({@code anomalyId} of its events). */
    @Id
    @Column(name = "anomaly_id")
    public UUID anomalyId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String detector;
    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
    @Column(name = "applied_by", nullable = false)
    public String appliedBy;
    /** Keys of the experiments it paused, comma-separated; null when none was running. */
    @Column(name = "paused_experiments")
    public String pausedExperiments;
    @Column(name = "lifted_at")
    public Instant liftedAt;
    @Column(name = "lifted_by")
    public String liftedBy;
    @Column(name = "lift_comment")
    public String liftComment;
    /** Keys of the experiments resumed on the lift, comma-separated. */
    @Column(name = "resumed_experiments")
    public String resumedExperiments;

    public boolean open() {
        return liftedAt == null;
    }
}
