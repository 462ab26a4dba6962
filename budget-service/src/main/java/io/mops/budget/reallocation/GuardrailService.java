package io.mops.budget.reallocation;

import io.mops.budget.plan.BudgetRuleViolation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The CoE's approval policy and kill switch, as stored. */
@ApplicationScoped
public class GuardrailService {

    public Uni<PolicyView> policy() {
        return Panache.withSession(() -> ReallocationSettings.current()
                .chain(settings -> ChannelLimitRow.<ChannelLimitRow>listAll().map(limits -> view(settings, limits))));
    }

    public Uni<PolicyView> replacePolicy(PolicyChange change, String by) {
        Map<String, PolicyChange.ChannelLimit> channels = Optional.ofNullable(change.channels()).orElse(Map.of());
        channels.forEach((channel, limit) -> {
            if (limit.maxAmount() == null && limit.maxPercentOfAllocation() == null) {
                throw new BudgetRuleViolation("channels." + channel, "give maxAmount, maxPercentOfAllocation or both");
            }
        });
        List<ChannelLimitRow> rows = channels.entrySet().stream().map(e -> {
            ChannelLimitRow row = new ChannelLimitRow();
            row.channel = e.getKey();
            row.maxAmount = e.getValue().maxAmount();
            row.maxPercentOfAllocation = e.getValue().maxPercentOfAllocation();
            return row;
        }).toList();
        return Panache.withTransaction(() -> ReallocationSettings.current().chain(settings -> {
            settings.maxAmountMoved = change.maxAmountMoved();
            settings.maxPercentOfTotal = change.maxPercentOfTotal();
            settings.changedBy = by;
            settings.changedAt = Instant.now();
            return ChannelLimitRow.deleteAll()
                    .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : ChannelLimitRow.persist(rows))
                    .map(done -> view(settings, rows));
        }));
    }

    public Uni<KillSwitch> killSwitch() {
        return Panache.withSession(() -> ReallocationSettings.current().map(GuardrailService::view));
    }

    public Uni<KillSwitch> setKillSwitch(KillSwitch change, String by) {
        if (change.frozen() && (change.reason() == null || change.reason().isBlank())) {
            throw new BudgetRuleViolation("reason", "is required to freeze autonomous moves");
        }
        return Panache.withTransaction(() -> ReallocationSettings.current().map(settings -> {
            settings.frozen = change.frozen();
            settings.frozenReason = change.frozen() ? change.reason() : null;
            settings.changedBy = by;
            settings.changedAt = Instant.now();
            return view(settings);
        }));
    }

    private static KillSwitch view(ReallocationSettings settings) {
        return new KillSwitch(settings.frozen, settings.frozenReason, settings.changedBy, settings.changedAt);
    }

    private static PolicyView view(ReallocationSettings settings, List<ChannelLimitRow> limits) {
        Map<String, PolicyChange.ChannelLimit> channels = new TreeMap<>();
        limits.forEach(l -> channels.put(l.channel, new PolicyChange.ChannelLimit(l.maxAmount, l.maxPercentOfAllocation)));
        return new PolicyView(settings.maxAmountMoved, settings.maxPercentOfTotal, channels, settings.changedBy,
                settings.changedAt);
    }
}
