package io.mops.budget.reallocation;

import io.mops.budget.money.Money;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** A stored proposal: the move, who or what decided it and when, and its explanation. The audit record. */
@Entity
@Table(name = "reallocation_proposal")
public class ReallocationProposal extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id", nullable = false)
    public UUID planId;
    @Column(name = "plan_version", nullable = false)
    public long planVersion;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(name = "plan_total", nullable = false)
    public BigDecimal planTotal;
    @Column(name = "amount_moved", nullable = false)
    public BigDecimal amountMoved;
    @Column(name = "expected_outcome_change", nullable = false)
    public double expectedOutcomeChange;
    @Column(name = "outcome_change_std_err", nullable = false)
    public double outcomeChangeStandardError;
    @Column(name = "triggered_by", nullable = false)
    public String triggeredBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProposalStatus status;
    @Column(nullable = false)
    public String reason;
    @Column(nullable = false)
    public String explanation;
    @Column(name = "proposed_at", nullable = false)
    public Instant proposedAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "rolled_back_by")
    public String rolledBackBy;
    @Column(name = "rolled_back_at")
    public Instant rolledBackAt;
    /** The first step of the spend exploration this proposal is a step of; absent for a move toward better return. */
    @Column(name = "exploration_of")
    public UUID explorationOf;
    @Column(name = "exploration_step")
    public Integer explorationStep;
    @Column(name = "exploration_steps")
    public Integer explorationSteps;
    /** The explored channels, comma-separated. */
    @Column(name = "explored_channels")
    public String exploredChannels;
    /** When the exploration of which this is the latest step was broken off, and why; absent while it runs. */
    @Column(name = "exploration_ended_at")
    public Instant explorationEndedAt;
    @Column(name = "exploration_end_reason")
    public String explorationEndReason;

    boolean isExploration() {
        return explorationOf != null;
    }

    List<String> explored() {
        return exploredChannels == null || exploredChannels.isEmpty() ? List.of()
                : List.of(exploredChannels.split(","));
    }

    Currency currencyUnit() {
        return Money.currency(currency);
    }

    BudgetMove move(List<ReallocationShift> shifts) {
        Currency unit = currencyUnit();
        return new BudgetMove(Money.of(planTotal, unit), shifts.stream()
                .map(s -> new ChannelShift(s.channel, Money.of(s.before, unit), Money.of(s.after, unit)))
                .toList());
    }

    void decide(ProposalStatus outcome, String by, String why, Instant at) {
        status = outcome;
        decidedBy = by;
        decidedAt = at;
        reason = why;
    }

    /**
     * Records once that the exploration this step belongs to was broken off. In the caller's transaction.
     *
     * @return whether this call recorded it (false when an earlier one had)
     */
    static Uni<Boolean> endExploration(UUID step, String why, Instant at) {
        return update("explorationEndedAt = ?1, explorationEndReason = ?2 where id = ?3 and explorationEndedAt is null",
                at, why.length() <= 300 ? why : why.substring(0, 300), step).map(rows -> rows == 1);
    }

    static Uni<Optional<Instant>> lastProposedAt(UUID planId) {
        return ReallocationProposal.<ReallocationProposal>find("planId", Sort.descending("proposedAt"), planId)
                .firstResult().map(last -> Optional.ofNullable(last).map(p -> p.proposedAt));
    }

    /** The plan's latest step of a spend exploration, whatever became of it. */
    static Uni<Optional<ReallocationProposal>> latestExplorationStep(UUID planId) {
        return ReallocationProposal.<ReallocationProposal>find("planId = ?1 and explorationOf is not null",
                Sort.descending("proposedAt"), planId).firstResult().map(Optional::ofNullable);
    }

    /**
     * The channels that an exploration of the plan has already varied through all its phases: what the data could
     * learn from such a swing they have had the chance to.
     */
    static Uni<Set<String>> fullyExplored(UUID planId) {
        return ReallocationProposal.<ReallocationProposal>list("planId = ?1 and explorationOf is not null "
                        + "and status = ?2 and explorationStep >= explorationSteps - 1", planId, ProposalStatus.APPLIED)
                .map(steps -> steps.stream().flatMap(step -> step.explored().stream())
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    static Uni<List<ReallocationProposal>> undecided(UUID planId) {
        return list("planId = ?1 and status = ?2", planId, ProposalStatus.AWAITING_APPROVAL);
    }

    static Uni<List<ReallocationProposal>> lapsed(Instant now) {
        return list("status = ?1 and expiresAt < ?2", ProposalStatus.AWAITING_APPROVAL, now);
    }

    static Uni<List<ReallocationProposal>> ofPlan(UUID planId) {
        return list("planId", Sort.descending("proposedAt"), planId);
    }
}
