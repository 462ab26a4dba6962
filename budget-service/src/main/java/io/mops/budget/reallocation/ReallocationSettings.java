package io.mops.budget.reallocation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The CoE's approval policy thresholds and kill switch (a single row, created by the migration). */
@Entity
@Table(name = "reallocation_settings")
public class ReallocationSettings extends PanacheEntityBase {

    static final short THE_ONE = 1;

    @Id
    public short id;
    @Column(name = "max_amount_moved", nullable = false)
    public BigDecimal maxAmountMoved;
    @Column(name = "max_percent_of_total", nullable = false)
    public BigDecimal maxPercentOfTotal;
    @Column(nullable = false)
    public boolean frozen;
    @Column(name = "frozen_reason")
    public String frozenReason;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    static Uni<ReallocationSettings> current() {
        return findById(THE_ONE);
    }

    ApprovalPolicy policy(List<ChannelLimitRow> limits) {
        return new ApprovalPolicy(maxAmountMoved, maxPercentOfTotal, limits.stream().collect(Collectors.toMap(
                l -> l.channel,
                l -> new ApprovalPolicy.ChannelLimit(Optional.ofNullable(l.maxAmount),
                        Optional.ofNullable(l.maxPercentOfAllocation)),
                (a, b) -> a)));
    }

    static Uni<ApprovalPolicy> policy() {
        return current().chain(settings -> ChannelLimitRow.<ChannelLimitRow>listAll()
                .map(limits -> settings.policy(limits)));
    }
}
