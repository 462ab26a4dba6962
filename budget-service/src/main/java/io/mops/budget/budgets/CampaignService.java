package io.mops.budget.budgets;

import io.mops.budget.launch.LaunchGate;
import io.mops.budget.money.Money;
import io.mops.budget.pacing.Pacing;
import io.mops.budget.pacing.PacingAssessment;
import io.mops.budget.pacing.PacingState;
import io.mops.budget.pacing.SpendCap;
import io.mops.budget.plan.BudgetPeriod;
import io.mops.budget.plan.BudgetRuleViolation;
import io.mops.common.events.BudgetExhausted;
import io.mops.common.events.BudgetPacingAlert;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.security.ChannelScope;
import io.quarkus.hibernate.reactive.panache.Panache;
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
                .chain(() -> plans.changeTree(planId, Optional.empty(), tree -> {
                    Money amount = Amounts.money("amount", draft.amount(), Money.currency(tree.plan().currency));
                    var changed = tree.domain().budgetCampaign(draft.channel(), campaign.id.toString(), amount);
                    campaign.amount = amount.amount();
                    return campaign.persist().replaceWith(changed);
                }))
                .map(done -> CampaignView.of(campaign, done.plan().currency));
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

    /** A new budget for a campaign, within what its channel holds; a stopped campaign given room runs again. */
    public Uni<CampaignView> changeBudget(UUID campaignId, CampaignBudgetChange change, ChannelScope scope) {
        return Panache.withSession(() -> campaign(campaignId, scope)
                        .call(found -> launch.requireFundable(found.campaignKey, found.id + " ('" + found.name + "')",
                                change.amount(), found.amount)))
                .chain(found -> plans.changeTree(found.planId, Optional.empty(), tree -> {
                    Campaign campaign = tree.campaigns().stream().filter(c -> c.id.equals(campaignId)).findFirst()
                            .orElseThrow(() -> new NotFoundProblem("no campaign " + campaignId));
                    Money amount = Amounts.money("amount", change.amount(), Money.currency(tree.plan().currency));
                    var changed = tree.domain().budgetCampaign(campaign.channel, campaign.id.toString(), amount);
                    campaign.amount = amount.amount();
                    campaign.status = amount.isGreaterThan(tree.plan().money(campaign.spent))
                            ? Campaign.Status.ACTIVE : Campaign.Status.STOPPED;
                    return Uni.createFrom().item(changed);
                }).map(done -> done.plan().currency))
                .chain(currency -> Panache.withSession(() -> Campaign.<Campaign>findById(campaignId))
                        .map(c -> CampaignView.of(c, currency)));
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
