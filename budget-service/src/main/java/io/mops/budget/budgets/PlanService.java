package io.mops.budget.budgets;

import io.mops.budget.money.Money;
import io.mops.budget.pacing.PacingCurve;
import io.mops.budget.pacing.PacingSeries;
import io.mops.budget.plan.BudgetPeriod;
import io.mops.budget.plan.BudgetPlan;
import io.mops.budget.plan.BudgetRuleViolation;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Changes to the budget tree. Each change is checked whole against the domain's {@link BudgetPlan} before
 * anything is written, and each bumps the plan's version first, so that of two racing changes one commits and
 * the other is refused (409) or, if it starts later, re-checked against what the first committed.
 */
@ApplicationScoped
public class PlanService {

    static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("0.10");

    private final Clock clock;

    public PlanService(Clock clock) {
        this.clock = clock;
    }

    /** The stored tree, loaded in one session. */
    record Tree(Plan plan, List<ChannelAllocation> allocations, List<Campaign> campaigns) {

        BudgetPlan domain() {
            return plan.toDomain(allocations, campaigns);
        }
    }

    public Uni<PlanView> create(PlanDraft draft, String createdBy) {
        Currency currency = Amounts.currency("currency", draft.currency());
        BudgetPeriod period = periodOf(draft);
        PacingCurve curve = Optional.ofNullable(draft.pacing()).orElse(PacingCurve.EVEN);
        BigDecimal tolerance = Optional.ofNullable(draft.pacingTolerance()).orElse(DEFAULT_TOLERANCE);
        BudgetPlan tree = BudgetPlan.of(Amounts.money("total", draft.total(), currency), period)
                .reallocate(amounts(Optional.ofNullable(draft.allocations()).orElse(Map.of()), currency));

        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.name = draft.name();
        plan.currency = currency.getCurrencyCode();
        plan.total = tree.total().amount();
        plan.periodStart = period.start();
        plan.periodEnd = period.end();
        plan.pacingCurve = curve;
        plan.pacingTolerance = tolerance;
        plan.createdBy = createdBy;
        plan.createdAt = Instant.now(clock);
        plan.updatedAt = plan.createdAt;
        List<ChannelAllocation> allocations = tree.channels().values().stream().map(c -> {
            ChannelAllocation row = new ChannelAllocation();
            row.id = UUID.randomUUID();
            row.planId = plan.id;
            row.channel = c.channel();
            row.amount = c.allocation().amount();
            return row;
        }).toList();
        return Panache.withTransaction(() -> plan.persist()
                        .chain(() -> ChannelAllocation.persist(allocations))
                        .map(done -> PlanView.of(plan, tree, Optional.empty())));
    }

    public Uni<PlanView> view(UUID planId, Optional<String> visibleChannel) {
        return Panache.withSession(() -> load(planId))
                .map(tree -> PlanView.of(tree.plan(), tree.domain(), visibleChannel));
    }

    /**
     * Spend against plan over the plan's period: the whole plan against its total, or one channel's campaigns
     * against the channel's allocation. Spend recorded up to today counts.
     */
    public Uni<PlanPacingView> pacing(UUID planId, Optional<String> channel) {
        LocalDate today = LocalDate.now(clock);
        return Panache.withSession(() -> load(planId).chain(tree -> dailySpend(planId, channel).map(spend -> {
            Plan plan = tree.plan();
            BigDecimal budget = channel.map(c -> tree.allocations().stream().filter(a -> a.channel.equals(c))
                    .map(a -> a.amount).findFirst().orElse(BigDecimal.ZERO)).orElse(plan.total);
            List<PacingSeries.Day> days = PacingSeries.of(plan.pacingCurve,
                    new BudgetPeriod(plan.periodStart, plan.periodEnd), budget, spend, today);
            BigDecimal spentToDate = spend.entrySet().stream()
                    .filter(e -> !e.getKey().isAfter(today) && !e.getKey().isBefore(plan.periodStart))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new PlanPacingView(plan.id, plan.name, plan.currency, channel.orElse(null), budget,
                    plan.pacingCurve, plan.periodStart, plan.periodEnd, today, spentToDate, days);
        })));
    }

    private static Uni<Map<LocalDate, BigDecimal>> dailySpend(UUID planId, Optional<String> channel) {
        String campaigns = "select c.id from Campaign c where c.planId = :plan"
                + (channel.isPresent() ? " and c.channel = :channel" : "");
        String hql = "select e.day, sum(e.amount) from SpendEntry e where e.campaignId in (" + campaigns
                + ") group by e.day";
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class).setParameter("plan", planId);
            channel.ifPresent(c -> query.setParameter("channel", c));
            return query.getResultList();
        }).map(rows -> {
            Map<LocalDate, BigDecimal> byDay = new HashMap<>();
            rows.forEach(row -> byDay.put((LocalDate) row[0], (BigDecimal) row[1]));
            return byDay;
        });
    }

    /**
     * One page of plans, newest period first, each as {@link #view} shows it.
     *
     * @param filter  what to narrow the list to; its channel also narrows each plan's channels (a channel team's own)
     */
    public Uni<List<PlanView>> list(PlanFilter filter, int page, int limit) {
        return Panache.withSession(() -> filter.query().page(page, limit).list()
                .chain(plans -> {
                    if (plans.isEmpty()) {
                        return Uni.createFrom().item(List.<PlanView>of());
                    }
                    List<UUID> ids = plans.stream().map(plan -> plan.id).toList();
                    return ChannelAllocation.<ChannelAllocation>list("planId in ?1 order by channel", ids)
                            .chain(allocations -> Campaign.<Campaign>list("planId in ?1 order by createdAt", ids)
                                    .map(campaigns -> plans.stream().map(plan -> {
                                        Tree tree = new Tree(plan,
                                                allocations.stream().filter(a -> a.planId.equals(plan.id)).toList(),
                                                campaigns.stream().filter(c -> c.planId.equals(plan.id)).toList());
                                        return PlanView.of(plan, tree.domain(), filter.channel());
                                    }).toList()));
                }));
    }

    public Uni<PlanView> reallocate(UUID planId, AllocationChange change) {
        return changeTree(planId, Optional.ofNullable(change.expectedVersion()), tree -> {
            Currency currency = Money.currency(tree.plan().currency);
            BudgetPlan changed = tree.domain().reallocate(amounts(change.allocations(), currency));
            Map<String, ChannelAllocation> rows = new HashMap<>();
            tree.allocations().forEach(row -> rows.put(row.channel, row));
            Uni<Void> writes = Uni.createFrom().voidItem();
            for (var channel : changed.channels().values()) {
                ChannelAllocation row = rows.get(channel.channel());
                if (row == null) {
                    ChannelAllocation added = new ChannelAllocation();
                    added.id = UUID.randomUUID();
                    added.planId = planId;
                    added.channel = channel.channel();
                    added.amount = channel.allocation().amount();
                    writes = writes.chain(() -> added.persist()).replaceWithVoid();
                } else {
                    row.amount = channel.allocation().amount();
                }
            }
            return writes.replaceWith(changed);
        }).map(done -> PlanView.of(done.plan(), done.tree(), Optional.empty()));
    }

    public Uni<PlanView> changeTotal(UUID planId, TotalChange change) {
        return changeTree(planId, Optional.ofNullable(change.expectedVersion()), tree -> {
            BudgetPlan changed = tree.domain()
                    .withTotal(Amounts.money("total", change.total(), Money.currency(tree.plan().currency)));
            tree.plan().total = changed.total().amount();
            return Uni.createFrom().item(changed);
        }).map(done -> PlanView.of(done.plan(), done.tree(), Optional.empty()));
    }

    record Changed(Plan plan, BudgetPlan tree) {
    }

    /**
     * Runs a change of the tree in one transaction, after bumping the plan's version (which also locks its row
     * until commit, so a racing change waits and then fails the version check instead of over-allocating).
     */
    Uni<Changed> changeTree(UUID planId, Optional<Long> expectedVersion, Function<Tree, Uni<BudgetPlan>> change) {
        return Panache.withTransaction(() -> Plan.<Plan>findById(planId)
                        .onItem().ifNull().failWith(() -> new NotFoundProblem("no budget plan " + planId))
                        .invoke(plan -> expectedVersion.ifPresent(expected -> {
                            if (expected != plan.version) {
                                throw new ConflictProblem("plan " + planId + " is at version " + plan.version
                                        + ", not " + expected + "; reload it and try again");
                            }
                        }))
                        .invoke(plan -> plan.touch(Instant.now(clock)))
                        .call(plan -> plan.persistAndFlush())
                        .chain(plan -> treeOf(plan))
                        .chain(tree -> change.apply(tree).map(changed -> new Changed(tree.plan(), changed))))
                .onFailure(BudgetProblems::isConcurrentChange)
                .transform(e -> new ConflictProblem("plan " + planId + " was changed by someone else at the same "
                        + "time; reload it and try again"));
    }

    static Uni<Tree> load(UUID planId) {
        return Plan.<Plan>findById(planId)
                .onItem().ifNull().failWith(() -> new NotFoundProblem("no budget plan " + planId))
                .chain(PlanService::treeOf);
    }

    private static Uni<Tree> treeOf(Plan plan) {
        return ChannelAllocation.ofPlan(plan.id)
                .chain(allocations -> Campaign.ofPlan(plan.id)
                        .map(campaigns -> new Tree(plan, allocations, campaigns)));
    }

    static Map<String, Money> amounts(Map<String, BigDecimal> amounts, Currency currency) {
        Map<String, Money> money = new HashMap<>();
        amounts.forEach((channel, amount) -> money.put(channel, Amounts.money("allocations." + channel, amount, currency)));
        return money;
    }

    private static BudgetPeriod periodOf(PlanDraft draft) {
        if (draft.month() != null) {
            if (draft.periodStart() != null || draft.periodEnd() != null) {
                throw new BudgetRuleViolation("month", "give either a month or periodStart and periodEnd, not both");
            }
            return BudgetPeriod.month(draft.month());
        }
        if (draft.periodStart() == null || draft.periodEnd() == null) {
            throw new BudgetRuleViolation(draft.periodStart() == null ? "periodStart" : "periodEnd",
                    "is required when no month is given");
        }
        return new BudgetPeriod(draft.periodStart(), draft.periodEnd());
    }
}
