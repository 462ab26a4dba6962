package io.mops.budget.guard;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "guard_anomaly")
public class AnomalyRow extends PanacheEntityBase {

    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    @Id
    public UUID id;
    @Column(nullable = false)
    public String detector;
    @Column(nullable = false)
    public String channel;
    @Column(name = "detected_at", nullable = false)
    public Instant detectedAt;
    public double observed;
    public double expected;
    public double statistic;
    @Column(nullable = false)
    public String evidence;
    @Column(nullable = false)
    public String action;
    @Column(name = "campaign_ids")
    public String campaignIds;
    /** The budget move {@code ROLL_BACK_LAST_MOVE} rolled back; null for other actions, or when none was. */
    @Column(name = "rolled_back_move")
    public UUID rolledBackMove;
    /** What the containment did beyond its action's name (the move rolled back, or why none was), in words. */
    @Column(name = "containment_detail")
    public String containmentDetail;
    @Column(nullable = false)
    public String status;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    public String resolution;

    List<UUID> campaigns() {
        return campaignIds == null || campaignIds.isBlank() ? List.of()
                : Arrays.stream(campaignIds.split(",")).map(UUID::fromString).toList();
    }
}
