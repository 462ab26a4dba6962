package io.mops.budget.reallocation;

import io.mops.budget.money.Money;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The CoE's plan-wide percent threshold and kill switch (a single row, created by the migration); the amount
 * thresholds per currency are in {@link AmountLimitRow}, the channels' limits in {@link ChannelLimitRow}.
 */
@Entity
@Table(name = "reallocation_settings")
public class ReallocationSettings extends PanacheEntityBase {

    static final short THE_ONE = 1;

    @Id
    public short id;
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

    ApprovalPolicy policy(List<AmountLimitRow> amounts, List<ChannelLimitRow> limits,
                          List<ChannelAmountLimitRow> channelAmounts) {
        Map<String, Map<Currency, BigDecimal>> amountsByChannel = new HashMap<>();
        channelAmounts.forEach(a -> amountsByChannel.computeIfAbsent(a.key.channel(), c -> new HashMap<>())
                .put(Money.currency(a.key.currency()), a.maxAmount));
        Map<String, ApprovalPolicy.ChannelLimit> channels = new HashMap<>();
        limits.forEach(l -> channels.put(l.channel, new ApprovalPolicy.ChannelLimit(
                amountsByChannel.getOrDefault(l.channel, Map.of()), Optional.ofNullable(l.maxPercentOfAllocation))));
        return new ApprovalPolicy(amounts.stream().collect(Collectors.toMap(a -> Money.currency(a.currency),
                a -> a.maxAmount)), maxPercentOfTotal, channels);
    }

    static Uni<ApprovalPolicy> policy() {
        return current().chain(settings -> AmountLimitRow.<AmountLimitRow>listAll()
                .chain(amounts -> ChannelLimitRow.<ChannelLimitRow>listAll()
                        .chain(limits -> ChannelAmountLimitRow.<ChannelAmountLimitRow>listAll()
                                .map(channelAmounts -> settings.policy(amounts, limits, channelAmounts)))));
    }
}
