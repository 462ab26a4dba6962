package io.mops.budget.reallocation;

import io.mops.budget.budgets.AllocationChange;
import io.mops.budget.budgets.OptimiseRequest;
import io.mops.budget.budgets.OptimiseService;
import io.mops.budget.budgets.Plan;
import io.mops.budget.budgets.PlanService;
import io.mops.budget.budgets.PlanView;
import io.mops.budget.budgets.ProposalView;
import io.mops.budget.guard.ChannelFreezeRow;
import io.mops.budget.money.Money;
import io.mops.budget.optimiser.RestOfPlan;
import io.mops.budget.plan.BudgetRuleViolation;
import io.mops.budget.signal.CurvesConfig;
import io.mops.budget.trackrecord.TrackRecordService;
import io.mops.common.events.ApprovalGranted;
import io.mops.common.events.ApprovalRejected;
import io.mops.common.events.ApprovalRequested;
import io.mops.common.events.ApprovalWithdrawn;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The autonomous loop: turns new evidence into reallocation proposals, lets the CoE's approval policy decide which
 * are made at once and which wait for people, and makes, drops or undoes moves as decisions arrive. Every outcome
 * is kept on the proposal: who or what decided, when, and the numbers before and after.
 */
@ApplicationScoped
public class ReallocationService {

    static final String KIND = "ReallocationProposal";
    static final String SERVICE = "budget-service";
    static final String BY_POLICY = "budget-service (approval policy)";
    static final String BY_EXPIRY = "budget-service (approval expired)";

    private final OptimiseService optimiser;
    private final PlanService plans;
    private final Outbox outbox;
    private final IdempotentConsumer idempotent;
    private final ReallocationConfig config;
    private final ProposalCadence cadence;
    private final TrackRecordService trackRecord;
    private final Clock clock;
    private final ExplorationConfig exploration;
    private final CurvesConfig curves;

    public ReallocationService(OptimiseService optimiser, PlanService plans, Outbox outbox,
                               IdempotentConsumer idempotent, ReallocationConfig config,
                               TrackRecordService trackRecord, Clock clock, ExplorationConfig exploration,
                               CurvesConfig curves) {
        this.clock = clock;
        this.exploration = exploration;
        this.curves = curves;
        this.trackRecord = trackRecord;
        this.optimiser = optimiser;
        this.plans = plans;
        this.outbox = outbox;
        this.idempotent = idempotent;
        this.config = config;
        this.cadence = new ProposalCadence(config.minInterval());
    }

    /**
     * @param exploration the step of a spend exploration to propose instead of the optimiser's move
     */
    private record Candidate(UUID planId, ProposalView proposal, Optional<ExplorationStep> exploration) {

        Candidate(UUID planId, ProposalView proposal) {
            this(planId, proposal, Optional.empty());
        }
    }

    /**
     * @param explorationOf the exploration's first step; absent when this is the first step
     * @param why           why the explored channels are held: the reasons of their curves
     */
    private record ExplorationStep(Optional<UUID> explorationOf, int step, SpendExploration design, BudgetMove move,
                                   String why, long planDays) {
    }

    /**
     * Proposes a reallocation for every running plan that allocates to {@code channel}, at most once per plan per
     * interval, and records the proposals once per event.
     *
     * @param consumer the idempotency name of this effect of the event
     */
    public <T> Uni<Void> onEvidence(String consumer, ReceivedEvent<T> event, String channel, String trigger) {
        // The optimiser fits curves on a worker thread; the database work afterwards must return to this context.
        Context context = Vertx.currentContext();
        LocalDate today = LocalDate.now(clock);
        return Panache.withSession(() -> Plan.<Plan>list("periodStart <= ?1 and periodEnd >= ?1 and id in "
                        + "(select a.planId from ChannelAllocation a where a.channel = ?2)", today, channel))
                .map(running -> running.stream().map(p -> p.id).toList())
                .chain(planIds -> Multi.createFrom().iterable(planIds)
                        .onItem().transformToUniAndConcatenate(planId -> candidate(planId, context))
                        .collect().asList())
                .chain(candidates -> candidates.stream().noneMatch(Optional::isPresent)
                        // Nothing to record, so nothing to remember the event by.
                        ? Uni.createFrom().voidItem()
                        : idempotent.applyOnce(consumer, event, e -> recordAll(candidates, trigger)).replaceWithVoid());
    }

    private Uni<Optional<Candidate>> candidate(UUID planId, Context context) {
        return Panache.withSession(() -> ReallocationProposal.lastProposedAt(planId))
                .chain(last -> {
                    if (!cadence.mayPropose(last, Instant.now(clock))) {
                        return Uni.createFrom().item(Optional.<Candidate>empty());
                    }
                    OptimiseRequest guardrails = new OptimiseRequest(config.maxChangePercent(), false, Map.of());
                    Uni<ProposalView> proposal = optimiser.propose(planId, guardrails);
                    if (context != null) {
                        proposal = proposal.emitOn(command -> context.runOnContext(ignored -> command.run()));
                    }
                    return proposal.invoke(view -> {
                                if (view.keptBecause() != null) {
                                    Log.infof("no reallocation for plan %s: %s", planId, view.keptBecause());
                                } else if (view.channels().isEmpty() && !view.held().isEmpty()) {
                                    // Silent before: every channel held means the loop cannot act, and people ask why.
                                    Log.infof("no reallocation for plan %s: every channel is held (%s)", planId,
                                            view.held().stream().map(h -> h.channel() + ": " + h.reason())
                                                    .collect(java.util.stream.Collectors.joining("; ")));
                                }
                            })
                            .chain(view -> exploreOrMove(planId, view, context))
                            .onFailure(BudgetRuleViolation.class).recoverWithItem(failure -> {
                                Log.infof("no reallocation proposal for plan %s: %s", planId, failure.getMessage());
                                return Optional.empty();
                            });
                });
    }

    private Uni<Void> recordAll(List<Optional<Candidate>> candidates, String trigger) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Optional<Candidate> candidate : candidates) {
            if (candidate.isPresent()) {
                all = all.chain(() -> record(candidate.get(), trigger));
            }
        }
        return all;
    }

    private Uni<Void> record(Candidate candidate, String trigger) {
        ProposalView view = candidate.proposal();
        return Plan.<Plan>findById(candidate.planId()).chain(plan -> {
            Currency currency = Money.currency(plan.currency);
            BudgetMove move = candidate.exploration().map(ExplorationStep::move).orElseGet(() -> new BudgetMove(
                    Money.of(plan.total, currency), view.channels().stream()
                    .map(m -> new ChannelShift(m.channel(), Money.of(m.spendBefore(), currency),
                            Money.of(m.spendAfter(), currency)))
                    .toList()));
            if (!move.movesAnything()) {
                return Uni.createFrom().voidItem();
            }
            return ReallocationProposal.lastProposedAt(plan.id).chain(last -> {
                // Checked again in the transaction: another event may have proposed for this plan meanwhile.
                if (!cadence.mayPropose(last, Instant.now(clock))) {
                    return Uni.createFrom().voidItem();
                }
                ReallocationProposal proposal = newProposal(plan, view, move, trigger);
                candidate.exploration().ifPresent(step -> explorationStep(proposal, step, plan.name));
                return supersedeOlder(proposal)
                        .chain(() -> ReallocationSettings.current())
                        .chain(settings -> decide(proposal, view, move, settings, plan.name))
                        .chain(() -> proposal.persist())
                        .chain(() -> ReallocationShift.persist(move.shifts().stream()
                                .map(s -> ReallocationShift.of(proposal.id, s)).toList()));
            });
        });
    }

    private ReallocationProposal newProposal(Plan plan, ProposalView view, BudgetMove move, String trigger) {
        ReallocationProposal proposal = new ReallocationProposal();
        proposal.id = UUID.randomUUID();
        proposal.planId = plan.id;
        proposal.planVersion = view.planVersion();
        proposal.currency = plan.currency;
        proposal.planTotal = plan.total;
        proposal.amountMoved = move.amountMoved().amount();
        proposal.expectedOutcomeChange = view.expectedOutcomeChange();
        proposal.outcomeChangeStandardError = view.expectedOutcomeChangeStandardError();
        proposal.triggeredBy = trigger.length() <= 300 ? trigger : trigger.substring(0, 300);
        proposal.explanation = ProposalExplanation.of(view);
        proposal.proposedAt = Instant.now(clock);
        return proposal;
    }

    private void explorationStep(ReallocationProposal proposal, ExplorationStep step, String planName) {
        proposal.explorationOf = step.explorationOf().orElse(proposal.id);
        proposal.explorationStep = step.step();
        proposal.explorationSteps = step.design().steps();
        proposal.exploredChannels = String.join(",", step.design().explored());
        // An exploration is not a bet on a gain: its forecast is none, and it is not judged on one.
        proposal.expectedOutcomeChange = 0;
        proposal.outcomeChangeStandardError = 0;
        proposal.explanation = ProposalExplanation.ofExploration(proposal.explorationOf, step.step(), step.design(),
                step.move(), step.why(), exploration.periodsPerPhase(), curves.period(), step.planDays());
    }

    /**
     * Chooses what to propose from the optimiser's answer: the next step of a running spend exploration, a new
     * exploration when the optimiser can move nothing because curves are held as not identifiable, or the
     * optimiser's move. Nothing while an exploration step awaits people, or while a phase has not yet run its
     * periods.
     */
    private Uni<Optional<Candidate>> exploreOrMove(UUID planId, ProposalView view, Context context) {
        Optional<Candidate> move = Optional.of(new Candidate(planId, view));
        if (!exploration.enabled()) {
            return Uni.createFrom().item(move);
        }
        Map<String, String> uncertain = new java.util.TreeMap<>();
        view.held().stream().filter(ProposalView.Held::curveUncertain)
                .forEach(h -> uncertain.put(h.channel(), h.reason()));
        boolean optimiserMoves = view.channels().stream().anyMatch(m -> m.change().signum() != 0);
        LocalDate today = LocalDate.now(clock);
        Uni<Optional<Candidate>> chosen = Panache.withSession(() -> ReallocationProposal.latestExplorationStep(planId)
                .chain(latest -> ReallocationProposal.fullyExplored(planId).chain(explored -> plans.view(planId,
                        Optional.empty()).chain(plan -> {
                    Currency currency = Money.currency(plan.currency());
                    Money total = Money.of(plan.total(), currency);
                    Map<String, Money> current = allocations(plan);
                    if (latest.isPresent()) {
                        ReallocationProposal last = latest.get();
                        if (last.status == ProposalStatus.AWAITING_APPROVAL) {
                            Log.infof("no reallocation for plan %s: exploration step %d of %d awaits approval",
                                    planId, last.explorationStep, last.explorationSteps);
                            return Uni.createFrom().item(Optional.<Candidate>empty());
                        }
                        boolean brokenOff = last.explorationEndedAt != null;
                        boolean running = last.status == ProposalStatus.APPLIED
                                && last.explorationStep < last.explorationSteps && !brokenOff;
                        if (running && last.explored().stream().anyMatch(uncertain::containsKey)) {
                            if (periodsSince(last.decidedAt, today) < exploration.periodsPerPhase()) {
                                return Uni.createFrom().item(Optional.<Candidate>empty());
                            }
                            return ReallocationShift.of(last.explorationOf).chain(first -> {
                                SpendExploration design = SpendExploration.fromFirstStep(last.explored(),
                                        first.stream().map(s -> new ChannelShift(s.channel,
                                                Money.of(s.before, currency), Money.of(s.after, currency))).toList(),
                                        last.explorationSteps - 1);
                                int step = last.explorationStep + 1;
                                BudgetMove next = design.move(step, total);
                                if (!next.startsFrom(current)) {
                                    return endExploration(last, "the plan's allocations were changed by others "
                                            + "before step " + step).replaceWith(move);
                                }
                                return Uni.createFrom().item(Optional.of(new Candidate(planId, view, Optional.of(
                                        new ExplorationStep(Optional.of(last.explorationOf), step, design, next,
                                                why(design.explored(), uncertain), planDays(plan))))));
                            });
                        }
                        Instant stoppedAt = brokenOff ? last.explorationEndedAt
                                : Optional.ofNullable(last.decidedAt).orElse(last.proposedAt);
                        if (!running && (last.status != ProposalStatus.APPLIED || brokenOff) && !optimiserMoves
                                && periodsSince(stoppedAt, today)
                                < (long) exploration.phases() * exploration.periodsPerPhase()) {
                            // People (or circumstances) stopped the last exploration: not asked again at once.
                            return Uni.createFrom().item(move);
                        }
                    }
                    // A channel still held after one full swing is not swung again in the same plan: in the market
                    // where this was measured, a channel whose curve stays flat where it spends was explored four
                    // times, each swing moving money through the plan's worst channel (docs/benchmarks.md).
                    Map<String, String> explorable = new java.util.TreeMap<>(uncertain);
                    explorable.keySet().removeAll(explored);
                    if (explorable.size() < uncertain.size()) {
                        Log.infof("plan %s: %s stay held without a new exploration: explored through all phases "
                                + "already", planId, String.join(", ", uncertain.keySet().stream()
                                .filter(explored::contains).toList()));
                    }
                    if (optimiserMoves || explorable.isEmpty()) {
                        return Uni.createFrom().item(move);
                    }
                    Map<String, Money> floors = new HashMap<>();
                    plan.channels().forEach(c -> floors.put(c.channel(), Money.of(c.committedToCampaigns(), currency)));
                    // The ad platforms pace what is left of an allocation over the days left, so a swing of a
                    // share of the whole allocation varies daily spend by that share over the share of days left:
                    // the limits are scaled down so that daily spend varies by at most the amplitude.
                    double shareLeft = RestOfPlan.of(plan.periodStart(), plan.periodEnd(), today).shareLeft();
                    Optional<SpendExploration> design = SpendExploration.design(current, floors, explorable.keySet(),
                            total, new SpendExploration.Limits(exploration.amplitude() * shareLeft,
                                    exploration.maxShareOfTotal() * shareLeft, exploration.phases()));
                    return Uni.createFrom().item(design.map(d -> new Candidate(planId, view, Optional.of(
                                    new ExplorationStep(Optional.empty(), 1, d, d.move(1, total),
                                            why(d.explored(), uncertain), planDays(plan)))))
                            .or(() -> move));
                }))));
        if (context != null) {
            chosen = chosen.emitOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return chosen;
    }

    /**
     * Records that a running exploration was broken off, so that the loop stops treating it as running (and says
     * so once, not on every evidence) and people see when and why it ended.
     */
    private Uni<Void> endExploration(ReallocationProposal latestStep, String why) {
        return Panache.withTransaction(() -> ReallocationProposal.endExploration(latestStep.id, why, Instant.now(clock)))
                .invoke(recorded -> {
                    if (recorded) {
                        Log.infof("exploration %s of plan %s ends: %s", latestStep.explorationOf, latestStep.planId,
                                why);
                    }
                }).replaceWithVoid();
    }

    private static long planDays(PlanView plan) {
        return java.time.temporal.ChronoUnit.DAYS.between(plan.periodStart(), plan.periodEnd()) + 1;
    }

    private long periodsSince(Instant at, LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), today)
                / curves.period().days();
    }

    private static String why(List<String> explored, Map<String, String> reasons) {
        return explored.stream().filter(reasons::containsKey).map(c -> c + ": " + reasons.get(c))
                .collect(Collectors.joining("; "));
    }

    private Uni<Void> supersedeOlder(ReallocationProposal newer) {
        return ReallocationProposal.undecided(newer.planId).chain(older -> withdrawAll(older.stream()
                .filter(o -> o.status.isSupersededByNewerProposal()).toList(),
                ProposalStatus.SUPERSEDED, SERVICE, o -> "superseded by proposal " + newer.id));
    }

    /**
     * Closes proposals that were awaiting approval and, in the same transaction, tells approval-service to take
     * their requests out of the approvers' queue.
     */
    private Uni<Void> withdrawAll(List<ReallocationProposal> proposals, ProposalStatus status, String decidedBy,
                                  Function<ReallocationProposal, String> reason) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ReallocationProposal proposal : proposals) {
            String why = reason.apply(proposal);
            proposal.decide(status, decidedBy, why, Instant.now(clock));
            ApprovalWithdrawn withdrawn = new ApprovalWithdrawn(KIND, proposal.id.toString(), status.name(), why,
                    SERVICE);
            all = all.chain(() -> outbox.record(ApprovalWithdrawn.TYPE, "plan:" + proposal.planId, withdrawn))
                    .replaceWithVoid();
        }
        return all;
    }

    private Uni<Void> decide(ReallocationProposal proposal, ProposalView view, BudgetMove move,
                             ReallocationSettings settings, String planName) {
        if (settings.frozen) {
            proposal.decide(ProposalStatus.FROZEN, SERVICE, frozen(settings), Instant.now(clock));
            return Uni.createFrom().voidItem();
        }
        return ChannelFreezeRow.byChannel().chain(frozenChannels -> {
            Optional<String> frozenChannel = frozenChannel(move, frozenChannels);
            if (frozenChannel.isPresent()) {
                proposal.decide(ProposalStatus.FROZEN, SERVICE, frozenChannel.get(), Instant.now(clock));
                return Uni.createFrom().voidItem();
            }
            return decideByPolicy(proposal, view, move, planName);
        });
    }

    /** Why the move may not be made when it touches a channel the risk guard holds frozen. */
    private static Optional<String> frozenChannel(BudgetMove move, Map<String, String> frozenChannels) {
        return move.shifts().stream().filter(ChannelShift::moves).map(ChannelShift::channel)
                .filter(frozenChannels::containsKey).findFirst()
                .map(channel -> "channel " + channel + " is frozen by the risk guard: " + frozenChannels.get(channel));
    }

    private Uni<Void> decideByPolicy(ReallocationProposal proposal, ProposalView view, BudgetMove move,
                                     String planName) {
        return ReallocationSettings.policy().chain(policy -> {
            ApprovalPolicy.Verdict verdict = policy.judge(move);
            if (verdict.autonomous()) {
                return apply(proposal, move, BY_POLICY, verdict.reason());
            }
            proposal.status = ProposalStatus.AWAITING_APPROVAL;
            proposal.reason = verdict.reason();
            proposal.expiresAt = proposal.proposedAt.plus(config.approvalTimeout());
            ApprovalRequested request = new ApprovalRequested(KIND, proposal.id.toString(), null,
                    proposal.isExploration() ? explorationSummary(proposal, move, planName)
                            : summary(proposal, move, planName), proposal.explanation, proposal.amountMoved, proposal.currency,
                    SERVICE, proposal.expiresAt, null, proposal.isExploration()
                    ? ReallocationEvidence.ofExploration(proposal, move, planName, verdict.reason())
                    : ReallocationEvidence.of(proposal, view, planName, verdict.reason()));
            return outbox.record(ApprovalRequested.TYPE, "plan:" + proposal.planId, request).replaceWithVoid();
        });
    }

    private static String summary(ReallocationProposal proposal, BudgetMove move, String planName) {
        String channels = move.shifts().stream().filter(ChannelShift::moves)
                .map(s -> s.channel() + " " + signed(s.change()))
                .collect(Collectors.joining(", "));
        String summary = "Move " + move.amountMoved() + " (" + move.percentOfTotal().stripTrailingZeros().toPlainString()
                + " % of the total) in plan '" + planName + "': " + channels;
        return summary.length() <= 300 ? summary : summary.substring(0, 299) + "…";
    }

    private static String explorationSummary(ReallocationProposal proposal, BudgetMove move, String planName) {
        String channels = move.shifts().stream().filter(ChannelShift::moves)
                .map(s -> s.channel() + " " + signed(s.change()))
                .collect(Collectors.joining(", "));
        String summary = "Explore " + String.join(", ", proposal.explored()) + " (step " + proposal.explorationStep
                + " of " + proposal.explorationSteps + "): move " + move.amountMoved() + " ("
                + move.percentOfTotal().stripTrailingZeros().toPlainString() + " % of the total) in plan '" + planName
                + "' to learn their response curves: " + channels;
        return summary.length() <= 300 ? summary : summary.substring(0, 299) + "…";
    }

    private static String signed(Money change) {
        return change.isNegative() ? change.amount().toPlainString() : "+" + change.amount().toPlainString();
    }

    private static String frozen(ReallocationSettings settings) {
        return "autonomous moves are frozen by " + settings.changedBy
                + Optional.ofNullable(settings.frozenReason).map(r -> ": " + r).orElse("");
    }

    /**
     * Makes the move if every channel it touches still holds what the move started from, through the plan's own
     * versioned change (so it races safely with people editing the plan); otherwise records why it was not made.
     */
    private Uni<Void> apply(ReallocationProposal proposal, BudgetMove move, String decidedBy, String why) {
        return plans.view(proposal.planId, Optional.empty()).chain(current -> {
            if (!move.startsFrom(allocations(current))) {
                proposal.decide(ProposalStatus.NOT_APPLICABLE, decidedBy,
                        "the plan's allocations changed since the proposal; nothing was moved", Instant.now(clock));
                return Uni.createFrom().voidItem();
            }
            return plans.reallocate(proposal.planId, new AllocationChange(amounts(move.allocationsAfter()),
                            current.version()))
                    .invoke(done -> proposal.decide(ProposalStatus.APPLIED, decidedBy, why, Instant.now(clock)))
                    // An exploration forecasts no gain, so it has no place in the forecasts' track record.
                    .chain(done -> proposal.isExploration() ? Uni.createFrom().voidItem() : trackRecord.open(proposal.id, proposal.planId, proposal.decidedAt,
                            move.shifts().stream().filter(ChannelShift::moves).map(ChannelShift::channel).toList(),
                            proposal.currency, current.periodStart(), current.periodEnd(),
                            proposal.expectedOutcomeChange, proposal.outcomeChangeStandardError))
                    .onFailure(f -> f instanceof BudgetRuleViolation || f instanceof ConflictProblem)
                    .recoverWithUni(failure -> {
                        proposal.decide(ProposalStatus.NOT_APPLICABLE, decidedBy,
                                "the plan no longer allows the move: " + failure.getMessage(), Instant.now(clock));
                        return Uni.createFrom().voidItem();
                    });
        });
    }

    /** Applies a granted proposal, once; anything no longer awaiting a decision is left as it is. */
    public Uni<Void> onGranted(ReceivedEvent<ApprovalGranted> event, String consumer) {
        ApprovalGranted granted = event.data();
        return idempotent.applyOnce(consumer, event, e -> awaiting(granted.reference()).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            ReallocationProposal proposal = found.get();
            String approvers = "approved by " + String.join(", ", granted.approvedBy());
            if (proposal.expiresAt != null && proposal.expiresAt.isBefore(Instant.now(clock))) {
                proposal.decide(ProposalStatus.EXPIRED, BY_EXPIRY, approvers + " after the request had expired",
                        Instant.now(clock));
                return Uni.createFrom().voidItem();
            }
            return ReallocationSettings.current().chain(settings -> {
                if (settings.frozen) {
                    proposal.decide(ProposalStatus.FROZEN, approvers, frozen(settings), Instant.now(clock));
                    return Uni.createFrom().voidItem();
                }
                return ReallocationShift.of(proposal.id).chain(shifts -> ChannelFreezeRow.byChannel()
                        .chain(frozenChannels -> {
                            BudgetMove move = proposal.move(shifts);
                            Optional<String> frozenChannel = frozenChannel(move, frozenChannels);
                            if (frozenChannel.isPresent()) {
                                proposal.decide(ProposalStatus.FROZEN, approvers, frozenChannel.get(),
                                        Instant.now(clock));
                                return Uni.createFrom().voidItem();
                            }
                            return apply(proposal, move, approvers,
                                    Optional.ofNullable(granted.comment()).orElse("granted"));
                        }));
            });
        })).replaceWithVoid();
    }

    public Uni<Void> onRejected(ReceivedEvent<ApprovalRejected> event, String consumer) {
        ApprovalRejected rejected = event.data();
        return idempotent.applyOnce(consumer, event, e -> awaiting(rejected.reference()).invoke(found -> found
                        .ifPresent(p -> p.decide(ProposalStatus.REJECTED, "rejected by " + rejected.rejectedBy(),
                                Optional.ofNullable(rejected.comment()).orElse("rejected"), Instant.now(clock)))))
                .replaceWithVoid();
    }

    /**
     * A request that ended without a grant other than by rejection: changes requested (a proposal cannot be changed;
     * the next evidence brings a new one) or expired at approval-service. The proposal is dropped, once.
     */
    public <T> Uni<Void> onNotGranted(ReceivedEvent<T> event, String consumer, String reference, ProposalStatus status,
                                      String decidedBy, String why) {
        return idempotent.applyOnce(consumer, event, e -> awaiting(reference).invoke(found -> found
                        .ifPresent(p -> p.decide(status, decidedBy, why, Instant.now(clock)))))
                .replaceWithVoid();
    }

    private static Uni<Optional<ReallocationProposal>> awaiting(String reference) {
        UUID id = UUID.fromString(reference);
        return ReallocationProposal.<ReallocationProposal>findById(id).map(proposal -> {
            if (proposal == null) {
                Log.infof("decision for unknown reallocation proposal %s ignored", id);
                return Optional.empty();
            }
            if (!proposal.status.isUndecided()) {
                Log.infof("decision for reallocation proposal %s ignored: it is already %s", id, proposal.status);
                return Optional.empty();
            }
            return Optional.of(proposal);
        });
    }

    /** @return how many undecided proposals lapsed */
    public Uni<Integer> expire(Instant now) {
        return Panache.withTransaction(() -> ReallocationProposal.lapsed(now).chain(lapsed -> withdrawAll(lapsed,
                        ProposalStatus.EXPIRED, BY_EXPIRY, p -> "nobody decided before " + p.expiresAt)
                .replaceWith(lapsed.size())));
    }

    /**
     * Returns the channels a move touched to what they held before it. Refused (409) unless every one of them still
     * holds what the move left it: a later change to any of them would otherwise be silently undone too.
     */
    public Uni<ReallocationView> rollback(UUID id, String by) {
        return Panache.withTransaction(() -> ReallocationProposal.<ReallocationProposal>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no reallocation " + id))
                .chain(proposal -> {
                    if (!proposal.status.mayBeRolledBack()) {
                        throw new ConflictProblem("reallocation " + id + " is " + proposal.status
                                + "; only an applied move can be rolled back");
                    }
                    return ReallocationShift.of(id).chain(shifts -> plans.view(proposal.planId, Optional.empty())
                            .chain(current -> {
                                BudgetMove move = proposal.move(shifts);
                                if (!move.isUndoable(allocations(current))) {
                                    throw new ConflictProblem("the allocations this move changed have changed again "
                                            + "since; rolling it back would overwrite that change");
                                }
                                return plans.reallocate(proposal.planId, new AllocationChange(
                                                amounts(move.allocationsBefore()), current.version()))
                                        .onFailure(BudgetRuleViolation.class).transform(f -> new ConflictProblem(
                                                "the plan no longer allows the allocations before the move: "
                                                        + f.getMessage()));
                            })
                            .invoke(done -> {
                                proposal.status = ProposalStatus.ROLLED_BACK;
                                proposal.rolledBackBy = by;
                                proposal.rolledBackAt = Instant.now(clock);
                            })
                            .call(done -> trackRecord.rolledBack(proposal.id, proposal.rolledBackAt))
                            .map(done -> ReallocationView.of(proposal, shifts, Optional.empty())));
                }));
    }

    /**
     * What the risk guard's {@code ROLL_BACK_LAST_MOVE} did: the move it rolled back (null when none) and, in words,
     * what happened, for the anomaly and the incident a person picks up.
     */
    public record AutomaticRollback(UUID move, String detail) {
    }

    /**
     * The risk guard's {@code ROLL_BACK_LAST_MOVE}: rolls back the last applied move that changed {@code channel}
     * ({@link LastMove}) in a plan running on {@code day}, by the same rollback a person makes — so it is refused in
     * the same cases (a channel the move touched changed again since, the plan no longer allows the old allocations),
     * which is then said in the outcome instead of failing the containment. Call it inside the guard's transaction.
     */
    public Uni<AutomaticRollback> rollBackLastMove(String channel, LocalDate day, String by) {
        return ReallocationProposal.<ReallocationProposal>list("planId in (select p.id from Plan p "
                        + "where p.periodStart <= ?1 and p.periodEnd >= ?1) and id in (select s.proposalId from "
                        + "ReallocationShift s where s.channel = ?2)", day, channel)
                .chain(proposals -> ReallocationShift.ofAll(proposals.stream().map(p -> p.id).toList())
                        .map(shifts -> proposals.stream().map(p -> new LastMove.Candidate(p.id, p.status,
                                p.decidedAt, p.move(shifts.stream().filter(s -> s.proposalId.equals(p.id)).toList())
                                .shifts())).toList()))
                .chain(candidates -> {
                    Optional<LastMove.Candidate> last = LastMove.of(channel, candidates);
                    if (last.isEmpty()) {
                        return Uni.createFrom().item(new AutomaticRollback(null, "no applied budget move of "
                                + channel + " in a running plan to roll back"));
                    }
                    UUID move = last.get().id();
                    String undone = last.get().shifts().stream().filter(ChannelShift::moves)
                            .map(s -> s.channel() + " " + s.after().amount().toPlainString() + " → "
                                    + s.before().amount().toPlainString())
                            .collect(Collectors.joining(", "));
                    return rollback(move, by)
                            .map(view -> new AutomaticRollback(move, "budget move " + move + " rolled back: "
                                    + undone))
                            .onFailure(ConflictProblem.class).recoverWithItem(failure -> new AutomaticRollback(null,
                                    "the last budget move " + move + " of " + channel + " was not rolled back: "
                                            + failure.getMessage()));
                });
    }

    public Uni<List<ReallocationView>> list(UUID planId, Optional<String> visibleChannel) {
        return Panache.withSession(() -> ReallocationProposal.ofPlan(planId).chain(proposals -> ReallocationShift
                .ofAll(proposals.stream().map(p -> p.id).toList())
                .map(shifts -> {
                    Map<UUID, List<ReallocationShift>> byProposal = new HashMap<>();
                    shifts.forEach(s -> byProposal.computeIfAbsent(s.proposalId, k -> new ArrayList<>()).add(s));
                    return proposals.stream()
                            .map(p -> ReallocationView.of(p, byProposal.getOrDefault(p.id, List.of()), visibleChannel))
                            .filter(view -> !view.channels().isEmpty())
                            .toList();
                })));
    }

    private static Map<String, Money> allocations(PlanView plan) {
        Currency currency = Money.currency(plan.currency());
        Map<String, Money> allocations = new HashMap<>();
        plan.channels().forEach(c -> allocations.put(c.channel(), Money.of(c.allocation(), currency)));
        return allocations;
    }

    private static Map<String, BigDecimal> amounts(Map<String, Money> money) {
        Map<String, BigDecimal> amounts = new HashMap<>();
        money.forEach((channel, amount) -> amounts.put(channel, amount.amount()));
        return amounts;
    }
}
