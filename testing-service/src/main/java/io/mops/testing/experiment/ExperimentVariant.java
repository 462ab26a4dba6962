package io.mops.testing.experiment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "experiment_variant")
public class ExperimentVariant extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "experiment_id", nullable = false)
    public UUID experimentId;
    @Column(nullable = false)
    public String key;
    /** Bucket order of sticky assignment. */
    @Column(nullable = false)
    public int position;
    @Column(nullable = false)
    public String name;
    /** JSON object of component name to value, for variants generated from creative components. */
    public String components;
    @Column(nullable = false)
    public double share;
    @Column(nullable = false)
    public boolean live;
    @Column(name = "eliminated_at")
    public Instant eliminatedAt;
    @Column(name = "eliminated_reason")
    public String eliminatedReason;

    public static Uni<List<ExperimentVariant>> of(UUID experimentId) {
        return ExperimentVariant.<ExperimentVariant>list("experimentId = ?1 order by position", experimentId);
    }
}
