package io.mops.testing.allocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One allocation period of an experiment: the split in force from {@code startedAt} until the next re-weighting.
 * Each exposure records the period it was made in ({@code allocationVersion}), which is what the analysis
 * stratifies by; this row says when the period began, who began it and with which shares.
 */
@Entity
@Table(name = "allocation_period")
public class AllocationPeriod extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "experiment_id", nullable = false)
    public UUID experimentId;
    @Column(name = "allocation_version", nullable = false)
    public int allocationVersion;
    @Column(name = "started_at", nullable = false)
    public Instant startedAt;
    @Column(name = "started_by", nullable = false)
    public String startedBy;
    /** JSON object of variant key to share. */
    @Column(nullable = false)
    public String shares;

    public static AllocationPeriod of(UUID experimentId, int allocationVersion, Instant startedAt, String startedBy,
                                      String shares) {
        AllocationPeriod period = new AllocationPeriod();
        period.id = UUID.randomUUID();
        period.experimentId = experimentId;
        period.allocationVersion = allocationVersion;
        period.startedAt = startedAt;
        period.startedBy = startedBy;
        period.shares = shares;
        return period;
    }

    public static Uni<List<AllocationPeriod>> of(UUID experimentId) {
        return AllocationPeriod.<AllocationPeriod>list("experimentId = ?1 order by allocationVersion", experimentId);
    }
}
