package io.mops.budget.optimiser;

import io.mops.budget.money.Money;

import java.util.List;

/** A proposed split of a total across channels, with the explanation of every channel's move. */
public record Reallocation(Money total, List<ChannelMove> moves) {

    public Reallocation {
        moves = List.copyOf(moves);
    }

    public double expectedOutcomeBefore() {
        return moves.stream().mapToDouble(ChannelMove::outcomeBefore).sum();
    }

    public double expectedOutcomeAfter() {
        return moves.stream().mapToDouble(ChannelMove::outcomeAfter).sum();
    }

    public double expectedOutcomeChange() {
        return expectedOutcomeAfter() - expectedOutcomeBefore();
    }
}
