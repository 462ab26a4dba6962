package io.mops.budget.optimiser;

import io.mops.budget.money.Money;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposed split of a total across channels, with the explanation of every channel's move.
 *
 * @param keptBecause present when the optimiser kept the current split instead of the best one it found, and why
 * @param partOfTheWay present when the move goes only part of the way toward the best split, and why
 */
public record Reallocation(Money total, List<ChannelMove> moves, Optional<String> keptBecause,
                           Optional<String> partOfTheWay) {

    public Reallocation {
        moves = List.copyOf(moves);
        Objects.requireNonNull(keptBecause, "keptBecause");
        Objects.requireNonNull(partOfTheWay, "partOfTheWay");
    }

    public Reallocation(Money total, List<ChannelMove> moves, Optional<String> keptBecause) {
        this(total, moves, keptBecause, Optional.empty());
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

    /** The channels' standard errors combined as if their curves' errors were independent (they were fitted apart). */
    public double expectedOutcomeChangeStandardError() {
        return Math.sqrt(moves.stream()
                .mapToDouble(m -> m.outcomeChangeStandardError() * m.outcomeChangeStandardError()).sum());
    }
}
