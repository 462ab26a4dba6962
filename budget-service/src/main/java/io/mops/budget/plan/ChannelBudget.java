package io.mops.budget.plan;

import io.mops.budget.money.Money;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one channel may spend in the period, and how much of it is already given to its campaigns. The
 * campaigns together never hold more than the channel.
 */
public record ChannelBudget(String channel, Money allocation, Map<String, Money> campaigns) {

    public ChannelBudget {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(allocation, "allocation");
        campaigns = Collections.unmodifiableMap(new TreeMap<>(campaigns));
        if (allocation.isNegative()) {
            throw new BudgetRuleViolation("allocations." + channel, "must not be negative");
        }
        for (Map.Entry<String, Money> campaign : campaigns.entrySet()) {
            if (campaign.getValue().isNegative()) {
                throw new BudgetRuleViolation("campaigns." + campaign.getKey(), "must not be negative");
            }
        }
        Money committed = Money.sum(campaigns.values(), allocation.currency());
        if (committed.isGreaterThan(allocation)) {
            throw new BudgetRuleViolation("allocations." + channel, "channel '" + channel + "' would hold "
                    + allocation + " but its campaigns already hold " + committed);
        }
    }

    public static ChannelBudget of(String channel, Money allocation) {
        return new ChannelBudget(channel, allocation, Map.of());
    }

    public Money committedToCampaigns() {
        return Money.sum(campaigns.values(), allocation.currency());
    }

    public Money uncommitted() {
        return allocation.minus(committedToCampaigns());
    }

    ChannelBudget withAllocation(Money newAllocation) {
        return new ChannelBudget(channel, newAllocation, campaigns);
    }

    ChannelBudget withCampaign(String campaign, Money budget) {
        Map<String, Money> changed = new TreeMap<>(campaigns);
        changed.put(campaign, budget);
        try {
            return new ChannelBudget(channel, allocation, changed);
        } catch (BudgetRuleViolation e) {
            throw new BudgetRuleViolation("amount", "campaigns of channel '" + channel + "' would hold "
                    + Money.sum(changed.values(), allocation.currency()) + ", more than its allocation of "
                    + allocation);
        }
    }
}
