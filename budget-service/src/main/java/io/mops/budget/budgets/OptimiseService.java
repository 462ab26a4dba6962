package io.mops.budget.budgets;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.CurveFitException;
import io.mops.budget.curve.Identifiability;
import io.mops.budget.curve.ResponseCurveFitter;
import io.mops.budget.money.Money;
import io.mops.budget.optimiser.BudgetOptimiser;
import io.mops.budget.optimiser.ChannelOption;
import io.mops.budget.optimiser.Reallocation;
import io.mops.budget.plan.BudgetPlan;
import io.mops.budget.plan.BudgetRuleViolation;
import io.mops.budget.plan.ChannelBudget;
import io.mops.budget.reallocation.ReallocationConfig;
import io.mops.budget.signal.ChannelSignal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Proposes how to split a plan's channel allocations for the most attributed value: fits each channel's daily
 * response curve on the channel signals from attribution, holds the channels whose curve the data cannot pin down
 * ({@link Identifiability}), scales the others' curves to the plan's period, and hands them and the CoE's
 * guardrails to the {@link BudgetOptimiser}. Proposes only; applying is a separate, versioned call.
 */
@ApplicationScoped
public class OptimiseService {

    /** Two years of weekly signals; older behaviour says little about today's response. */
    static final int HISTORY = 104;

    private final ResponseCurveFitter fitter = new ResponseCurveFitter();
    private final ReallocationConfig config;

    public OptimiseService(ReallocationConfig config) {
        this.config = config;
    }

    private record Evidence(PlanService.Tree tree, Map<String, List<ChannelSignal>> signals) {
    }

    public Uni<ProposalView> propose(UUID planId, OptimiseRequest request) {
        Map<String, OptimiseRequest.Guardrail> guardrails =
                Optional.ofNullable(request.channels()).orElse(Map.of());
        return Panache.withSession(() -> PlanService.load(planId).chain(tree -> signalsOf(tree)
                        .map(signals -> new Evidence(tree, signals))))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(evidence -> {
                    guardrails.keySet().stream()
                            .filter(channel -> !evidence.tree().domain().channels().containsKey(channel))
                            .findFirst()
                            .ifPresent(channel -> {
                                throw new BudgetRuleViolation("channels." + channel, "has no allocation in this plan");
                            });
                    return propose(evidence, request, guardrails);
                });
    }

    private static Uni<Map<String, List<ChannelSignal>>> signalsOf(PlanService.Tree tree) {
        Uni<Map<String, List<ChannelSignal>>> all = Uni.createFrom().item(new LinkedHashMap<>());
        for (ChannelAllocation allocation : tree.allocations()) {
            all = all.chain(map -> ChannelSignal.history(allocation.channel, tree.plan().currency, HISTORY)
                    .map(history -> {
                        map.put(allocation.channel, history);
                        return map;
                    }));
        }
        return all;
    }

    private ProposalView propose(Evidence evidence, OptimiseRequest request,
                                 Map<String, OptimiseRequest.Guardrail> guardrails) {
        Plan plan = evidence.tree().plan();
        BudgetPlan tree = evidence.tree().domain();
        double planDays = plan.period().days();
        List<ChannelOption> options = new ArrayList<>();
        Map<String, CurveFit> fits = new HashMap<>();
        Map<String, Identifiability> trust = new HashMap<>();
        Identifiability.Limits limits = new Identifiability.Limits(config.maxMarginalReturnUncertainty(),
                config.maxMarginalReturnSlopeUncertainty());
        List<ProposalView.Held> held = new ArrayList<>();
        Money total = request.includeUnallocated() ? tree.unallocated() : Money.zero(tree.currency());
        for (ChannelBudget channel : tree.channels().values()) {
            Optional<OptimiseRequest.Guardrail> guardrail = Optional.ofNullable(guardrails.get(channel.channel()));
            if (guardrail.map(OptimiseRequest.Guardrail::locked).orElse(false)) {
                held.add(new ProposalView.Held(channel.channel(), channel.allocation().amount(), "locked"));
                continue;
            }
            List<ChannelSignal> signals = evidence.signals().get(channel.channel());
            CurveFit fit;
            try {
                fit = fit(signals);
            } catch (CurveFitException e) {
                held.add(new ProposalView.Held(channel.channel(), channel.allocation().amount(),
                        "no response curve: " + e.getMessage()));
                continue;
            }
            // The move starts from the allocation, spread over the plan's days; a channel without one is judged where
            // its history spent.
            double dailyAllocation = channel.allocation().amount().doubleValue() / planDays;
            Identifiability judgement = Identifiability.judge(fit,
                    dailyAllocation > 0 ? dailyAllocation : medianDailySpend(signals), limits);
            if (!judgement.identifiable()) {
                held.add(new ProposalView.Held(channel.channel(), channel.allocation().amount(), judgement.reason()));
                continue;
            }
            fits.put(channel.channel(), fit);
            trust.put(channel.channel(), judgement);
            total = total.plus(channel.allocation());
            String field = "channels." + channel.channel();
            // A channel can never be cut below what its campaigns already hold.
            Money minimum = guardrail.map(OptimiseRequest.Guardrail::minimum)
                    .map(m -> Amounts.money(field + ".minimum", m, tree.currency()))
                    .orElse(Money.zero(tree.currency()))
                    .max(channel.committedToCampaigns());
            Optional<Money> maximum = guardrail.map(OptimiseRequest.Guardrail::maximum)
                    .map(m -> Amounts.money(field + ".maximum", m, tree.currency()));
            options.add(new ChannelOption(channel.channel(), fit.overPeriods(planDays), channel.allocation(),
                    minimum, maximum, false));
        }
        if (options.isEmpty()) {
            return new ProposalView(plan.id, plan.version, plan.currency, total.amount(), 0, 0, 0, 0, null, List.of(),
                    held);
        }
        Optional<BigDecimal> maxChange = Optional.ofNullable(request.maxChangePercent())
                .map(p -> p.movePointLeft(2));
        Reallocation reallocation = new BudgetOptimiser(maxChange, config.minGainStandardErrors())
                .optimise(total, options);
        List<ProposalView.Move> moves = reallocation.moves().stream()
                .map(m -> ProposalView.Move.of(m, fits.get(m.channel()), trust.get(m.channel())))
                .toList();
        return new ProposalView(plan.id, plan.version, plan.currency, total.amount(),
                reallocation.expectedOutcomeBefore(), reallocation.expectedOutcomeAfter(),
                reallocation.expectedOutcomeChange(), reallocation.expectedOutcomeChangeStandardError(),
                reallocation.keptBecause().orElse(null), moves, held);
    }

    /** The median of the days that spent: the fit refuses a history that never spent, so there is one. */
    private static double medianDailySpend(List<ChannelSignal> signals) {
        double[] daily = signals.stream()
                .mapToDouble(s -> s.spend.doubleValue() / (ChronoUnit.DAYS.between(s.windowStart, s.windowEnd) + 1))
                .filter(spend -> spend > 0)
                .sorted().toArray();
        return daily[daily.length / 2];
    }

    /** A daily curve: each signal's window becomes one period of its average daily spend and value. */
    private CurveFit fit(List<ChannelSignal> signals) {
        double[] spend = new double[signals.size()];
        double[] value = new double[signals.size()];
        for (int i = 0; i < spend.length; i++) {
            ChannelSignal s = signals.get(i);
            double days = ChronoUnit.DAYS.between(s.windowStart, s.windowEnd) + 1;
            spend[i] = s.spend.doubleValue() / days;
            value[i] = s.creditedValue.doubleValue() / days;
        }
        return fitter.fit(spend, value);
    }
}
