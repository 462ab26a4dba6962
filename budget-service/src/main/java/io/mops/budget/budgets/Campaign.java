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
    /**
     * The budget the campaign is to get once QA clears it for launch (funding on clearance); null when nothing waits.
     * While it waits the campaign holds it of its channel's allocation ({@link #held()}), but may spend only
     * {@link #amount}.
     */
    @Column(name = "planned_amount")
    public BigDecimal plannedAmount;
    /** When a clearance released the planned amount into the budget, and which QA run's; null until then. */
    @Column(name = "funded_on_clearance_at")
    public Instant fundedOnClearanceAt;
    @Column(name = "funded_by_run")
    public UUID fundedByRun;
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

    /**
     * What the campaign holds of its channel's allocation: its budget, or the planned amount it waits for if that is
     * more. Reserving the planned amount keeps it there for the clearance: neither a person nor the autonomous loop
     * can give it to another campaign or channel meanwhile.
     */
    public BigDecimal held() {
        return plannedAmount == null ? amount : amount.max(plannedAmount);
    }

    static Uni<List<Campaign>> ofPlan(UUID planId) {
        return Campaign.list("planId = ?1 order by createdAt", planId);
    }

    static Uni<List<Campaign>> ofPlanVisibleTo(UUID planId, Optional<String> channel) {
        return channel.map(c -> Campaign.<Campaign>list("planId = ?1 and channel = ?2 order by createdAt", planId, c))
                .orElseGet(() -> ofPlan(planId));
    }
}
