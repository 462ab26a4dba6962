package io.mops.budget.budgets;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "channel_allocation")
public class ChannelAllocation extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(nullable = false)
    public String channel;
    @Column(nullable = false)
    public BigDecimal amount;

    static Uni<List<ChannelAllocation>> ofPlan(UUID planId) {
        return ChannelAllocation.list("planId = ?1 order by channel", planId);
    }
}
