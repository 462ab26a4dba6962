package io.mops.testing.experiment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "experiment_transition")
public class ExperimentTransition extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "experiment_id", nullable = false)
    public UUID experimentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false)
    public Experiment.Status fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public Experiment.Status toStatus;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
    public String reason;

    static ExperimentTransition of(Experiment experiment, Experiment.Status to, String by, String reason, Instant at) {
        ExperimentTransition transition = new ExperimentTransition();
        transition.id = UUID.randomUUID();
        transition.experimentId = experiment.id;
        transition.fromStatus = experiment.status;
        transition.toStatus = to;
        transition.changedBy = by;
        transition.changedAt = at;
        transition.reason = reason;
        return transition;
    }

    static Uni<List<ExperimentTransition>> of(UUID experimentId) {
        return ExperimentTransition.<ExperimentTransition>list("experimentId = ?1 order by changedAt", experimentId);
    }
}
