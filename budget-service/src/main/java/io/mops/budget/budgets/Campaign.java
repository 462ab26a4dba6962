package io.mops.budget.budgets;

import io.mops.budget.pacing.PacingState;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A campaign's budget within its channel's allocation, with what it has spent so far. */
@Entity
@Table(name = "campaign_budget")
public class Campaign extends PanacheEntityBase {

    public enum Status {
        ACTIVE,
        /** The budget is used up: the channel must stop delivering the campaign. */
        STOPPED
    }

    @Id
    public UUID id;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public String name;
    /**
     * qa-service's campaign key (a QA submission's {@code campaignId}), the key experiments name their campaign by
     * too; it links the budget to the campaign's clearance for launch. Null until given or linked by a clearance
     * naming this campaign; at most one budget campaign carries a key.
     */
    @Column(name = "campaign_key")
    public String campaignKey;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false)
    public BigDecimal spent;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "pacing_state", nullable = false)
    public PacingState pacingState;
    @Version
    public long version;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    static Uni<List<Campaign>> ofPlan(UUID planId) {
        return Campaign.list("planId = ?1 order by createdAt", planId);
    }

    static Uni<List<Campaign>> ofPlanVisibleTo(UUID planId, Optional<String> channel) {
        return channel.map(c -> Campaign.<Campaign>list("planId = ?1 and channel = ?2 order by createdAt", planId, c))
                .orElseGet(() -> ofPlan(planId));
    }
}
