package io.mops.budget.reallocation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How often a plan may receive a new proposal. Evidence can arrive many times an hour (one signal per channel and
 * attribution model); proposing on each would churn the approvers' queue and move budget on noise.
 */
public record ProposalCadence(Duration minInterval) {

    public ProposalCadence {
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("minInterval must not be negative");
        }
    }

    /** @param lastProposedAt when the plan's latest proposal was made, whatever became of it */
    public boolean mayPropose(Optional<Instant> lastProposedAt, Instant now) {
        return lastProposedAt.map(last -> !now.isBefore(last.plus(minInterval))).orElse(true);
    }
}
