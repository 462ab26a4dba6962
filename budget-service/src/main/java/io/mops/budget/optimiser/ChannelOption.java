package io.mops.budget.optimiser;

import io.mops.budget.curve.SpendResponse;
import io.mops.budget.money.Money;

import java.util.Objects;
import java.util.Optional;

/**
 * One channel as the optimiser sees it: how it responds to spend, what it has now, and the guardrails the CoE
 * set for it.
 *
 * @param maximum empty when only the total and the maximum change per move limit the channel
 * @param locked a locked channel keeps exactly its current spend
 */
public record ChannelOption(String channel, SpendResponse response, Money current, Money minimum,
                            Optional<Money> maximum, boolean locked) {

    public ChannelOption {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
    }

    public static ChannelOption unconstrained(String channel, SpendResponse response, Money current) {
        return new ChannelOption(channel, response, current, Money.zero(current.currency()), Optional.empty(), false);
    }

    public ChannelOption lockedAtCurrent() {
        return new ChannelOption(channel, response, current, minimum, maximum, true);
    }

    public ChannelOption within(Money newMinimum, Money newMaximum) {
        return new ChannelOption(channel, response, current, newMinimum, Optional.of(newMaximum), locked);
    }
}
