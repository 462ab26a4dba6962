package io.mops.budget.reallocation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which budget move the risk guard's {@code ROLL_BACK_LAST_MOVE} undoes for a channel: the most recently applied move
 * that is still in force ({@link ProposalStatus#APPLIED}, not rolled back since) and changed that channel's
 * allocation. Proposals that were never applied moved no money; a move that left the channel as it was (the channel
 * only listed) did not change it; a move already rolled back is no longer in force, so the one before it is the last.
 */
public final class LastMove {

    /**
     * A stored proposal as this rule needs it.
     *
     * @param appliedAt when it was decided (applied, for an applied one)
     */
    public record Candidate(UUID id, ProposalStatus status, Instant appliedAt, List<ChannelShift> shifts) {

        boolean changed(String channel) {
            return shifts.stream().anyMatch(s -> s.channel().equals(channel) && s.moves());
        }
    }

    private LastMove() {
    }

    /** The move to roll back for {@code channel}, if any; of two applied at the same instant, the larger id. */
    public static Optional<Candidate> of(String channel, List<Candidate> moves) {
        return moves.stream()
                .filter(m -> m.status() == ProposalStatus.APPLIED && m.appliedAt() != null)
                .filter(m -> m.changed(channel))
                .max(Comparator.comparing(Candidate::appliedAt).thenComparing(Candidate::id));
    }
}
