package io.mops.budget.plan;

import io.mops.budget.money.CurrencyMismatchException;
import io.mops.budget.money.Money;

import java.util.Collections;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The organisation's budget tree for one period: a total owned by the CoE, split into channel allocations,
 * each split into campaign budgets. Every amount is in the total's currency, and no level ever holds more
 * than its parent: a change that would break either rule is refused whole.
 */
public record BudgetPlan(Money total, BudgetPeriod period, Map<String, ChannelBudget> channels) {

    public BudgetPlan {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(period, "period");
        channels = Collections.unmodifiableMap(new TreeMap<>(channels));
        if (total.isNegative()) {
            throw new BudgetRuleViolation("total", "must not be negative");
        }
        for (ChannelBudget channel : channels.values()) {
            if (!channel.allocation().currency().equals(total.currency())) {
                throw new BudgetRuleViolation("currency", "channel '" + channel.channel() + "' is in "
                        + channel.allocation().currencyCode() + " but the plan is in " + total.currencyCode()
                        + "; a plan has one currency");
            }
        }
        Money allocated = sumOf(channels, total.currency());
        if (allocated.isGreaterThan(total)) {
            throw new BudgetRuleViolation("allocations", "channels would hold " + allocated
                    + ", more than the total of " + total);
        }
    }

    public static BudgetPlan of(Money total, BudgetPeriod period) {
        return new BudgetPlan(total, period, Map.of());
    }

    public Currency currency() {
        return total.currency();
    }

    public Money allocated() {
        return sumOf(channels, currency());
    }

    public Money unallocated() {
        return total.minus(allocated());
    }

    /** Sets several channel allocations at once; either all of them apply or none does. */
    public BudgetPlan reallocate(Map<String, Money> allocations) {
        Map<String, ChannelBudget> changed = new TreeMap<>(channels);
        allocations.forEach((channel, amount) -> {
            requirePlanCurrency("allocations." + channel, amount);
            ChannelBudget current = channels.get(channel);
            changed.put(channel, current == null ? ChannelBudget.of(channel, amount) : current.withAllocation(amount));
        });
        return new BudgetPlan(total, period, changed);
    }

    public BudgetPlan allocate(String channel, Money amount) {
        return reallocate(Map.of(channel, amount));
    }

    /** Gives a campaign of {@code channel} its budget, out of what the channel holds. */
    public BudgetPlan budgetCampaign(String channel, String campaign, Money budget) {
        requirePlanCurrency("amount", budget);
        ChannelBudget current = channels.get(channel);
        if (current == null) {
            throw new BudgetRuleViolation("channel", "channel '" + channel + "' has no allocation in this plan");
        }
        Map<String, ChannelBudget> changed = new TreeMap<>(channels);
        changed.put(channel, current.withCampaign(campaign, budget));
        return new BudgetPlan(total, period, changed);
    }

    public BudgetPlan withTotal(Money newTotal) {
        requirePlanCurrency("total", newTotal);
        return new BudgetPlan(newTotal, period, channels);
    }

    private void requirePlanCurrency(String field, Money amount) {
        if (!amount.currency().equals(currency())) {
            throw new BudgetRuleViolation(field, new CurrencyMismatchException(currency(), amount.currency()).getMessage());
        }
    }

    private static Money sumOf(Map<String, ChannelBudget> channels, Currency currency) {
        return Money.sum(channels.values().stream().map(ChannelBudget::allocation).toList(), currency);
    }
}
