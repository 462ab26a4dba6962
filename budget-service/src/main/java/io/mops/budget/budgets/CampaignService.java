package io.mops.budget.budgets;

import io.mops.budget.launch.CampaignClearance;
import io.mops.budget.launch.LaunchGate;
import io.mops.budget.money.Money;
import io.mops.budget.pacing.Pacing;
import io.mops.budget.pacing.PacingAssessment;
import io.mops.budget.pacing.PacingState;
import io.mops.budget.pacing.SpendCap;
import io.mops.budget.plan.BudgetPeriod;
import io.mops.budget.plan.BudgetPlan;
import io.mops.budget.plan.BudgetRuleViolation;
import io.mops.common.clearance.Clearance;
import io.mops.common.events.BudgetExhausted;
import io.mops.common.events.BudgetPacingAlert;
import io.mops.common.events.CampaignBudgetChanged;
import io.mops.common.events.CampaignDefunded;
import io.mops.common.events.CampaignFunded;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.security.ChannelScope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Campaign budgets and their spend. Spend is checked against the hard cap and the plan's pacing curve in the
 * transaction that records it, and the events it causes go through the outbox in that same transaction.
 */
@ApplicationScoped
public class CampaignService {

    private final PlanService plans;
    private final Outbox outbox;
    private final LaunchGate launch;
    private final Clock clock;

    public CampaignService(PlanService plans, Outbox outbox, LaunchGate launch, Clock clock) {
        this.launch = launch;
        this.clock = clock;
        this.plans = plans;
        this.outbox = outbox;
    }

    public Uni<CampaignView> create(UUID planId, CampaignDraft draft, String createdBy) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.planId = planId;
        campaign.channel = draft.channel();
        campaign.name = draft.name();
        campaign.campaignKey = draft.campaignKey();
        campaign.spent = BigDecimal.ZERO;
        campaign.status = Campaign.Status.ACTIVE;
        campaign.pacingState = PacingState.ON_PACE;
        campaign.createdBy = createdBy;
        campaign.createdAt = Instant.now(clock);
        // Under ENFORCE a new campaign is funded only if it carries a QA campaign key that QA has cleared already.
        return requireKeyFree(draft.campaignKey())
                .chain(() -> Panache.withSession(() -> launch.requireFundable(draft.campaignKey(),
                        "'" + draft.name() + "' on " + draft.channel(), draft.amount(), BigDecimal.ZERO)))
                .chain(() -> draft.plannedAmount() == null ? Uni.createFrom().<CampaignClearance>nullItem()
                        : Panache.withSession(() -> launch.clearedNow(draft.campaignKey())))
                .chain(clearedNow -> plans.changeTree(planId, Optional.empty(), tree -> {
                    Currency currency = Money.currency(tree.plan().currency);
                    Money amount = Amounts.money("amount", draft.amount(), currency);
                    campaign.amount = amount.amount();
                    if (draft.plannedAmount() != null) {
                        Money planned = Amounts.money("plannedAmount", draft.plannedAmount(), currency);
                        if (planned.isLessThan(amount)) {
                            throw new BudgetRuleViolation("plannedAmount", "must be at least amount (" + amount
                                    + "): it is the budget the campaign gets once QA clears it");
                        }
                        if (clearedNow != null) {
                            // Cleared before it was created: nothing to wait for.
                            campaign.amount = planned.amount();
                            campaign.fundedOnClearanceAt = campaign.createdAt;
                            campaign.fundedByRun = clearedNow.qaRunId;
                        } else {
                            campaign.plannedAmount = planned.amount();
                        }
                    }
                    var changed = tree.domain().budgetCampaign(draft.channel(), campaign.id.toString(),
                            Money.of(campaign.held(), currency));
                    return campaign.persist().replaceWith(changed);
                }))
                .map(done -> CampaignView.of(campaign, done.plan().currency));
    }

    /**
     * Funding on clearance: QA cleared a campaign for launch, so the budget campaign carrying its key gets the
     * planned amount it was created with, which it held of its channel's allocation meanwhile; a {@code
     * CampaignFunded} says so. Nothing for a campaign with nothing planned (never planned, or funded already: a later
     * clearance of changed content does not fund it twice), nor for a revocation. Call it inside the transaction that
     * applies the clearance, which the inbox runs once per event id.
     */
    public Uni<Void> fundOnClearance(Clearance clearance) {
        if (!clearance.cleared()) {
            return Uni.createFrom().voidItem();
        }
        return carrying(clearance)
                .chain(campaign -> {
                    if (campaign == null || campaign.plannedAmount == null) {
                        return Uni.createFrom().voidItem();
                    }
                    return Plan.<Plan>findById(campaign.planId).chain(plan -> {
                        Instant now = Instant.now(clock);
                        // The tree changed: its version moves, so a change prepared against the old one is refused.
                        plan.touch(now);
                        campaign.amount = campaign.held();
                        campaign.plannedAmount = null;
                        campaign.fundedOnClearanceAt = now;
                        campaign.fundedByRun = clearance.qaRunId();
                        campaign.status = campaign.amount.compareTo(campaign.spent) > 0 ? Campaign.Status.ACTIVE
                                : Campaign.Status.STOPPED;
                        Log.infof("campaign %s funded with %s %s on QA run %s's clearance of %s", campaign.id,
                                campaign.amount.toPlainString(), plan.currency, clearance.qaRunId(),
                                clearance.campaignKey());
                        CampaignFunded funded = new CampaignFunded(campaign.id, plan.id, campaign.channel,
                                clearance.campaignKey(), campaign.amount, plan.currency, clearance.qaRunId(),
                                clearance.approvalId(), now);
                        return outbox.record(CampaignFunded.TYPE, funded.subject(), funded).replaceWithVoid();
                    });
                });
    }

    /**
     * Funding follows clearance both ways: QA revoked the clearance of a campaign (its content changed, or a later
     * run waits for or was refused by a person), so the budget the clearance gave it is taken back. The campaign's
     * budget goes to 0 (it may spend nothing more and stops), and what it held stays reserved in its channel as its
     * planned amount, which the next {@code CampaignCleared} funds again ({@link #fundOnClearance}); a
     * {@code CampaignDefunded} says so. Taken back: a budget a clearance gave ({@code fundedByRun}), and under
     * {@code ENFORCE} any budget, since there it was allowed only because the campaign was cleared. A budget a person
     * gave under {@code FLAG} or {@code OFF} stays (those modes do not gate funding; its spend is flagged). Call it
     * inside the transaction that applies the revocation, which the inbox runs once per event id.
     *
     * @param before the clearance before the revocation; nothing is taken back unless it was cleared
     */
    public Uni<Void> defundOnRevocation(Clearance before, Clearance after) {
        if (after.cleared() || before == null || !before.cleared()) {
            return Uni.createFrom().voidItem();
        }
        return carrying(after).chain(campaign -> {
            if (campaign == null || campaign.amount.signum() <= 0
                    || (campaign.fundedByRun == null && !launch.control().refusesFunding())) {
                return Uni.createFrom().voidItem();
            }
            return Plan.<Plan>findById(campaign.planId).chain(plan -> {
                Instant now = Instant.now(clock);
                plan.touch(now);
                BigDecimal taken = campaign.amount;
                // What it held stays held: the channel's allocation is not handed to anyone else meanwhile.
                campaign.plannedAmount = campaign.held();
                campaign.amount = BigDecimal.ZERO.setScale(taken.scale());
                campaign.fundedOnClearanceAt = null;
                campaign.fundedByRun = null;
                campaign.status = Campaign.Status.STOPPED;
                Log.infof("campaign %s defunded (%s %s taken back, reserved) on QA run %s's revocation of %s",
                        campaign.id, taken.toPlainString(), plan.currency, after.revokedByRun(), after.campaignKey());
                String reason = after.revokedReason() == null ? "clearance revoked" : after.revokedReason();
                CampaignDefunded defunded = new CampaignDefunded(campaign.id, plan.id, campaign.channel,
                        after.campaignKey(), taken, campaign.spent, plan.currency, before.qaRunId(),
                        after.revokedByRun(), reason.length() <= 500 ? reason : reason.substring(0, 499) + "…", now);
                return outbox.record(CampaignDefunded.TYPE, defunded.subject(), defunded).replaceWithVoid();
            });
        });
    }

    /** The budget campaign carrying the clearance's key, or the one its run named if this very clearance linked it. */
    private static Uni<Campaign> carrying(Clearance clearance) {
        return Campaign.<Campaign>find("campaignKey", clearance.campaignKey()).firstResult()
                // Linked by this very clearance (LaunchGate.linkBudgetCampaign): found by the id the run named.
                .chain(found -> found != null || clearance.budgetCampaignId() == null
                        ? Uni.createFrom().item(found)
                        : Campaign.<Campaign>findById(clearance.budgetCampaignId()).map(c -> c != null
                        && clearance.campaignKey().equals(c.campaignKey) ? c : null));
    }

    /** At most one budget campaign carries a QA campaign key (409 naming the one that does). */
    private static Uni<Void> requireKeyFree(String campaignKey) {
        if (campaignKey == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> Campaign.<Campaign>find("campaignKey", campaignKey).firstResult())
                .invoke(holder -> {
                    if (holder != null) {
                        throw new ConflictProblem("budget campaign " + holder.id + " already carries QA campaign key '"
                                + campaignKey + "'; a QA campaign has one budget campaign");
                    }
                }).replaceWithVoid();
    }

    public Uni<List<CampaignView>> list(UUID planId, Optional<String> visibleChannel) {
        return Panache.withSession(() -> Plan.<Plan>findById(planId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no budget plan " + planId))
                .chain(plan -> Campaign.ofPlanVisibleTo(planId, visibleChannel)
                        .map(all -> all.stream().map(c -> CampaignView.of(c, plan.currency)).toList())));
    }

    public Uni<CampaignView> view(UUID campaignId, ChannelScope scope) {
        return Panache.withSession(() -> campaign(campaignId, scope)
                .chain(c -> Plan.<Plan>findById(c.planId).chain(plan -> launch.view(c)
                        .map(state -> CampaignView.of(c, plan.currency, state)))));
    }

    /**
     * A new budget for a campaign, within what its channel holds; a stopped campaign given room runs again. A {@code
     * CampaignBudgetChanged} in the same transaction tells the ad-platform connectors (io.mops.budget.activation).
     */
    public Uni<CampaignView> changeBudget(UUID campaignId, CampaignBudgetChange change, ChannelScope scope) {
        String changedBy = scope.caller().name();
        return Panache.withSession(() -> campaign(campaignId, scope)
                        .call(found -> launch.requireFundable(found.campaignKey, found.id + " ('" + found.name + "')",
                                change.amount(), found.amount)))
                .chain(found -> plans.changeTree(found.planId, Optional.empty(), tree -> {
                    Campaign campaign = tree.campaigns().stream().filter(c -> c.id.equals(campaignId)).findFirst()
                            .orElseThrow(() -> new NotFoundProblem("no campaign " + campaignId));
                    Money amount = Amounts.money("amount", change.amount(), Money.currency(tree.plan().currency));
                    campaign.amount = amount.amount();
                    // A planned amount still waiting for the clearance stays held.
                    var changed = tree.domain().budgetCampaign(campaign.channel, campaign.id.toString(),
                            tree.plan().money(campaign.held()));
                    campaign.status = amount.isGreaterThan(tree.plan().money(campaign.spent))
                            ? Campaign.Status.ACTIVE : Campaign.Status.STOPPED;
                    CampaignBudgetChanged event = new CampaignBudgetChanged(campaign.id, campaign.planId,
                            campaign.channel, campaign.amount, tree.plan().currency, changedBy, Instant.now(clock));
                    return outbox.record(CampaignBudgetChanged.TYPE, event.subject(), event).replaceWith(changed);
                }).map(done -> done.plan().currency))
                .chain(currency -> Panache.withSession(() -> Campaign.<Campaign>findById(campaignId))
                        .map(c -> CampaignView.of(c, currency)));
    }

    /**
     * A new planned budget for a campaign (funding on clearance), by the people who may change its budget.
     * <ul>
     *     <li>While QA has not cleared the campaign (never, or its clearance was revoked) the new plan is reserved in
     *     its channel in place of the old one, and funded when the clearance comes; it must be at least the budget the
     *     campaign has meanwhile.</li>
     *     <li>While QA has cleared it, the budget follows the new plan at once (up or down, as a budget change does:
     *     a budget at or below the spend stops the campaign), and a {@code CampaignFunded} names the new budget. The
     *     clearance is of the content, not of the amount: the channel's allocation is the hard cap, as for any
     *     campaign budget, and the CoE's approval policy governs the allocations, not campaign budgets.</li>
     * </ul>
     * Either way the campaign's hold on its channel must fit the channel's allocation ({@code 400} naming
     * {@code plannedAmount} otherwise).
     */
    public Uni<CampaignView> changePlannedAmount(UUID campaignId, PlannedAmountChange change, ChannelScope scope) {
        return Panache.withSession(() -> campaign(campaignId, scope))
                .chain(found -> plans.changeTree(found.planId, Optional.empty(), tree -> {
                    Campaign campaign = tree.campaigns().stream().filter(c -> c.id.equals(campaignId)).findFirst()
                            .orElseThrow(() -> new NotFoundProblem("no campaign " + campaignId));
                    Plan plan = tree.plan();
                    // Built before the campaign changes: the tree as it stands, which the new hold must fit.
                    BudgetPlan domain = tree.domain();
                    Money planned = Amounts.money("plannedAmount", change.plannedAmount(),
                            Money.currency(plan.currency));
                    // Read in the change's transaction: a clearance applied meanwhile is seen, not raced.
                    return launch.clearedNow(campaign.campaignKey).chain(cleared -> {
                        Uni<Void> announced = Uni.createFrom().voidItem();
                        if (cleared == null) {
                            if (planned.isLessThan(plan.money(campaign.amount))) {
                                throw new BudgetRuleViolation("plannedAmount", "must be at least the campaign's "
                                        + "budget (" + plan.money(campaign.amount) + "): it is the budget the "
                                        + "campaign gets once QA clears it");
                            }
                            campaign.plannedAmount = planned.amount();
                        } else {
                            boolean changed = campaign.amount.compareTo(planned.amount()) != 0;
                            Instant now = Instant.now(clock);
                            campaign.amount = planned.amount();
                            campaign.plannedAmount = null;
                            if (campaign.fundedByRun == null) {
                                campaign.fundedOnClearanceAt = now;
                                campaign.fundedByRun = cleared.qaRunId;
                            }
                            campaign.status = campaign.amount.compareTo(campaign.spent) > 0
                                    ? Campaign.Status.ACTIVE : Campaign.Status.STOPPED;
                            if (changed) {
                                CampaignFunded funded = new CampaignFunded(campaign.id, plan.id, campaign.channel,
                                        cleared.campaignKey, campaign.amount, plan.currency, cleared.qaRunId,
                                        cleared.approvalId, now);
                                announced = outbox.record(CampaignFunded.TYPE, funded.subject(), funded)
                                        .replaceWithVoid();
                            }
                        }
                        BudgetPlan held = withHold(domain, campaign, plan);
                        return announced.replaceWith(held);
                    });
                }).map(done -> done.plan().currency))
                .chain(currency -> Panache.withSession(() -> Campaign.<Campaign>findById(campaignId))
                        .map(c -> CampaignView.of(c, currency)));
    }

    /** The tree with the campaign holding what it holds now; too much for its channel is the planned amount's fault. */
    private static BudgetPlan withHold(BudgetPlan tree, Campaign campaign,
                                                           Plan plan) {
        try {
            return tree.budgetCampaign(campaign.channel, campaign.id.toString(), plan.money(campaign.held()));
        } catch (BudgetRuleViolation e) {
            throw new BudgetRuleViolation("plannedAmount", e.reason());
        }
    }

    public Uni<SpendView> recordSpend(UUID campaignId, SpendReport report, ChannelScope scope, String recordedBy) {
        return Panache.withTransaction(() -> campaign(campaignId, scope)
                        .chain(campaign -> Plan.<Plan>findById(campaign.planId)
                                .chain(plan -> apply(plan, campaign, report, recordedBy))))
                .onFailure(BudgetProblems::isConcurrentChange)
                .transform(e -> new ConflictProblem("campaign " + campaignId + " received other spend at the same "
                        + "time; send this spend again"));
    }

    /**
     * The amount of a spend report, if the campaign's plan can take it: in the plan's currency (never converted),
     * on a day of its period, with no more decimals than the currency has.
     *
     * @throws BudgetRuleViolation naming the field that the plan refuses
     */
    static Money acceptedSpend(String planCurrency, BudgetPeriod period, SpendReport report) {
        Currency currency = Amounts.currency("currency", report.currency());
        if (!currency.getCurrencyCode().equals(planCurrency)) {
            throw new BudgetRuleViolation("currency", "the campaign's budget is in " + planCurrency + ", not "
                    + report.currency() + "; currencies are never converted");
        }
        if (!period.contains(report.day())) {
            throw new BudgetRuleViolation("day", "must lie in the plan's period " + period.start() + " to "
                    + period.end());
        }
        return Amounts.money("amount", report.amount(), currency);
    }

    private Uni<SpendView> apply(Plan plan, Campaign campaign, SpendReport report, String recordedBy) {
        Money spend = acceptedSpend(plan.currency, plan.period(), report);
        Money budget = plan.money(campaign.amount);
        SpendCap.SpendOutcome outcome = SpendCap.apply(budget, plan.money(campaign.spent), spend);
        PacingAssessment pacing = new Pacing(plan.pacingCurve, plan.pacingTolerance)
                .assess(budget, outcome.spentAfter(), plan.period(), report.day());
        PacingState previousPacing = campaign.pacingState;

        SpendEntry entry = new SpendEntry();
        entry.id = UUID.randomUUID();
        entry.campaignId = campaign.id;
        entry.day = report.day();
        entry.amount = report.amount();
        entry.overCap = outcome.spentAfter().isGreaterThan(budget);
        entry.recordedBy = recordedBy;
        entry.recordedAt = Instant.now(clock);

        campaign.spent = outcome.spentAfter().amount();
        campaign.pacingState = pacing.state();
        if (outcome.exhausted()) {
            campaign.status = Campaign.Status.STOPPED;
        }

        Uni<Void> written = entry.persist().replaceWithVoid();
        if (outcome.exhaustedNow()) {
            BudgetExhausted exhausted = new BudgetExhausted(campaign.id, campaign.name, campaign.channel, plan.id,
                    budget.amount(), outcome.spentAfter().amount(), outcome.overrun().amount(), plan.currency,
                    report.day());
            written = written.chain(() -> outbox.record(BudgetExhausted.TYPE, exhausted.subject(), exhausted))
                    .replaceWithVoid();
        }
        if (pacing.state().needsAlert() && pacing.state() != previousPacing) {
            BudgetPacingAlert alert = new BudgetPacingAlert(campaign.id, campaign.channel, plan.id,
                    pacing.state().name(), plan.pacingCurve.name(), budget.amount(), outcome.spentAfter().amount(),
                    pacing.plannedToDate().amount(), pacing.projectedSpend().amount(), pacing.tolerance(),
                    plan.currency, report.day());
            written = written.chain(() -> outbox.record(BudgetPacingAlert.TYPE, alert.subject(), alert))
                    .replaceWithVoid();
        }
        // Flushing here surfaces a racing spend's version conflict inside the transaction, and bumps the version shown.
        return written
                .call(Panache::flush)
                .map(done -> new SpendView(entry.id, entry.overCap, outcome.overrun().amount(),
                        SpendView.Pacing.of(pacing), CampaignView.of(campaign, plan.currency)));
    }

    /** The campaign, if the caller may see it: a channel team only its own channel's. */
    private static Uni<Campaign> campaign(UUID campaignId, ChannelScope scope) {
        return Campaign.<Campaign>findById(campaignId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no campaign " + campaignId))
                .invoke(c -> scope.requireAccess(c.channel));
    }
}
