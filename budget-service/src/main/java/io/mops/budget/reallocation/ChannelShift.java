package io.mops.budget.reallocation;

import io.mops.budget.money.Money;

import java.util.Objects;

/** One channel's allocation before and after a reallocation. */
public record ChannelShift(String channel, Money before, Money after) {

    public ChannelShift {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.currency().equals(after.currency())) {
            throw new IllegalArgumentException("a shift of '" + channel + "' cannot change the currency");
        }
    }

    public Money change() {
        return after.minus(before);
    }

    /** The change without its sign: how much money this channel gains or gives up. */
    public Money size() {
        Money change = change();
        return change.isNegative() ? Money.zero(change.currency()).minus(change) : change;
    }

    public boolean moves() {
        return !before.equals(after);
    }
}
