package io.mops.budget.budgets;

import io.mops.budget.money.Money;
import io.mops.budget.pacing.PacingCurve;
import io.mops.budget.plan.BudgetPeriod;
import io.mops.budget.plan.BudgetPlan;
import io.mops.budget.plan.ChannelBudget;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored budget tree's root. Its version guards the whole tree: every change below it bumps it. */
@Entity
@Table(name = "budget_plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(nullable = false)
    public String name;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(nullable = false)
    public BigDecimal total;
    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;
    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    @Column(name = "pacing_curve", nullable = false)
    public PacingCurve pacingCurve;
    @Column(name = "pacing_tolerance", nullable = false)
    public BigDecimal pacingTolerance;
    @Version
    public long version;
    @Column(name = "created_by", nullable = false)
    public String createdBy;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    BudgetPeriod period() {
        return new BudgetPeriod(periodStart, periodEnd);
    }

    Money money(BigDecimal amount) {
        return Money.of(amount, Money.currency(currency));
    }

    /** The domain's view of the stored tree, for checking a change against every rule before writing it. */
    BudgetPlan toDomain(List<ChannelAllocation> allocations, List<Campaign> campaigns) {
        Map<String, Map<String, Money>> byChannel = new HashMap<>();
        for (Campaign campaign : campaigns) {
            byChannel.computeIfAbsent(campaign.channel, c -> new HashMap<>())
                    .put(campaign.id.toString(), money(campaign.held()));
        }
        Map<String, ChannelBudget> channels = new HashMap<>();
        for (ChannelAllocation allocation : allocations) {
            channels.put(allocation.channel, new ChannelBudget(allocation.channel, money(allocation.amount),
                    byChannel.getOrDefault(allocation.channel, Map.of())));
        }
        return new BudgetPlan(money(total), period(), channels);
    }

    /** Marks the tree as changed so that its version is checked and bumped when the transaction commits. */
    void touch(Instant at) {
        updatedAt = at;
    }
}
