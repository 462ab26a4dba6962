package io.mops.budget.reallocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A proposal and what became of it. A channel team sees only proposals that move its channel, and only its own
 * channel's line of them: the amount moved, the reason and the explanation name other channels' numbers.
 *
 * @param decidedBy the approval policy, the approvers, the expiry or the kill switch's owner
 * @param exploration the spend exploration this proposal is a step of; absent for a move toward better return
 */
public record ReallocationView(UUID id, UUID planId, ProposalStatus status, String triggeredBy, String currency,
                               BigDecimal amountMoved, double expectedOutcomeChange,
                               double expectedOutcomeChangeStandardError, String reason, String explanation,
                               Instant proposedAt, Instant expiresAt, String decidedBy, Instant decidedAt,
                               String rolledBackBy, Instant rolledBackAt, List<Shift> channels,
                               Exploration exploration) {

    public record Shift(String channel, BigDecimal before, BigDecimal after, BigDecimal change) {
    }

    /**
     * @param of       the exploration's first step (its id)
     * @param channels the channels explored (others may be varied against them)
     * @param endedAt  when the exploration was broken off before its last step, on its latest step; else absent
     * @param endReason why it was broken off
     */
    public record Exploration(UUID of, int step, int steps, List<String> channels, Instant endedAt,
                              String endReason) {
    }

    static ReallocationView of(ReallocationProposal p, List<ReallocationShift> shifts, Optional<String> visibleChannel) {
        List<Shift> visible = shifts.stream()
                .filter(s -> visibleChannel.map(c -> c.equals(s.channel) && s.before.compareTo(s.after) != 0)
                        .orElse(true))
                .map(s -> new Shift(s.channel, s.before, s.after, s.after.subtract(s.before)))
                .toList();
        boolean wholeView = visibleChannel.isEmpty();
        return new ReallocationView(p.id, p.planId, p.status, p.triggeredBy, p.currency,
                wholeView ? p.amountMoved : null, p.expectedOutcomeChange, p.outcomeChangeStandardError,
                wholeView ? p.reason : null,
                wholeView ? p.explanation : null, p.proposedAt, p.expiresAt, p.decidedBy, p.decidedAt,
                p.rolledBackBy, p.rolledBackAt, visible, p.isExploration()
                        ? new Exploration(p.explorationOf, p.explorationStep, p.explorationSteps, p.explored(),
                                p.explorationEndedAt, p.explorationEndReason)
                        : null);
    }
}
