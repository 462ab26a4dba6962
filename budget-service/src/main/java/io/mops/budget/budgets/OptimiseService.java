package io.mops.budget.budgets;

import io.mops.budget.curve.CurveFit;
import io.mops.budget.curve.CurveFitException;
import io.mops.budget.curve.DominatedCut;
import io.mops.budget.curve.Identifiability;
import io.mops.budget.curve.IncrementalityCalibration;
import io.mops.budget.curve.ResponseCurveFitter;
import io.mops.budget.money.Money;
import io.mops.budget.optimiser.BudgetOptimiser;
import io.mops.budget.optimiser.ChannelOption;
import io.mops.budget.optimiser.Reallocation;
import io.mops.budget.optimiser.RestOfPlan;
import io.mops.budget.plan.BudgetPlan;
import io.mops.budget.plan.BudgetRuleViolation;
import io.mops.budget.plan.ChannelBudget;
import io.mops.budget.reallocation.ReallocationConfig;
import io.mops.budget.signal.ChannelSignal;
import io.mops.budget.signal.CurvesConfig;
import io.mops.budget.signal.EvidenceSeries;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Proposes how to split a plan's channel allocations for the most attributed value: fits each channel's response
 * curve on attribution's channel performance per period (the configured model and period kind, oldest period first,
 * the newest run without gaps — {@link EvidenceSeries}), holds the channels whose curve the data cannot pin down
 * ({@link Identifiability}), scales the others' curves to what is left of the plan's period (RestOfPlan: only the money not yet spent moves), and hands them and the CoE's guardrails
 * to the {@link BudgetOptimiser}. Proposes only; applying is a separate, versioned call.
 */
@ApplicationScoped
public class OptimiseService {

    /** At most this many periods — two years of weeks; older behaviour says little about today's response. */
    static final int HISTORY = 104;

    private final ResponseCurveFitter fitter = new ResponseCurveFitter();
    private final CurvesConfig curves;
    private final ReallocationConfig config;
    private final IncrementalityConfig incrementality;
    private final Clock clock;

    public OptimiseService(CurvesConfig curves, ReallocationConfig config, IncrementalityConfig incrementality,
                           Clock clock) {
        this.curves = curves;
        this.config = config;
        this.incrementality = incrementality;
        this.clock = clock;
    }

    private record Evidence(PlanService.Tree tree, Map<String, EvidenceSeries> series) {
    }

    /** A channel with a fitted curve, before it is known whether the optimiser may move its money. */
    private record Candidate(ChannelBudget channel, CurveFit fit, Identifiability judgement, Money spentToDate,
                             Money left, Money minimum, Optional<Money> maximum, ProposalView.Evidence evidence) {

        ChannelOption option(double periodsLeft, Money minimum, Optional<Money> maximum) {
            return new ChannelOption(channel.channel(), fit.overPeriods(periodsLeft), left, minimum, maximum, false);
        }
    }

    public Uni<ProposalView> propose(UUID planId, OptimiseRequest request) {
        Map<String, OptimiseRequest.Guardrail> guardrails =
                Optional.ofNullable(request.channels()).orElse(Map.of());
        return Panache.withSession(() -> PlanService.load(planId).chain(tree -> seriesOf(tree)
                        .map(series -> new Evidence(tree, series))))
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

    private Uni<Map<String, EvidenceSeries>> seriesOf(PlanService.Tree tree) {
        Uni<Map<String, EvidenceSeries>> all = Uni.createFrom().item(new LinkedHashMap<>());
        for (ChannelAllocation allocation : tree.allocations()) {
            all = all.chain(map -> ChannelSignal.series(allocation.channel, curves.attributionModel(),
                            curves.period(), tree.plan().currency, HISTORY)
                    .map(series -> {
                        map.put(allocation.channel, series);
                        return map;
                    }));
        }
        return all;
    }

    private ProposalView propose(Evidence evidence, OptimiseRequest request,
                                 Map<String, OptimiseRequest.Guardrail> guardrails) {
        Plan plan = evidence.tree().plan();
        BudgetPlan tree = evidence.tree().domain();
        List<ChannelOption> options = new ArrayList<>();
        Map<String, Candidate> candidates = new HashMap<>();
        List<Candidate> uncertain = new ArrayList<>();
        Map<String, Identifiability> trust = new HashMap<>();
        Identifiability.Limits limits = new Identifiability.Limits(config.maxMarginalReturnUncertainty(),
                config.maxMarginalReturnSlopeUncertainty());
        // Only the money left can move, over the days left: spent money is gone, and the ad platforms pace what is
        // left of a budget over what is left of the plan (RestOfPlan). The curves are fitted per period of the
        // evidence (a week by default): 30 days left span 30/7 of them.
        RestOfPlan rest = RestOfPlan.of(plan.periodStart, plan.periodEnd, LocalDate.now(clock));
        double periodsLeft = rest.periodsLeft(curves.period().days());
        Map<String, Money> spent = spentByChannel(evidence.tree().campaigns(), tree.currency());
        List<ProposalView.Held> held = new ArrayList<>();
        Money total = request.includeUnallocated() ? tree.unallocated() : Money.zero(tree.currency());
        Map<String, CurveFit> fits = new LinkedHashMap<>();
        for (ChannelBudget channel : tree.channels().values()) {
            Optional<OptimiseRequest.Guardrail> guardrail = Optional.ofNullable(guardrails.get(channel.channel()));
            if (guardrail.map(OptimiseRequest.Guardrail::locked).orElse(false)) {
                held.add(new ProposalView.Held(channel.channel(), channel.allocation().amount(), "locked"));
                continue;
            }
            EvidenceSeries series = evidence.series().get(channel.channel());
            try {
                fits.put(channel.channel(), fitter.fit(series.spend(), series.value()));
            } catch (CurveFitException e) {
                held.add(new ProposalView.Held(channel.channel(), channel.allocation().amount(),
                        "no response curve: " + e.getMessage() + " (" + curves.attributionModel() + ", "
                                + series.describe() + ")"));
            }
        }
        List<ProposalView.Incrementality> factors = calibrate(fits, evidence.series());
        for (ChannelBudget channel : tree.channels().values()) {
            if (!fits.containsKey(channel.channel())) {
                continue;
            }
            Optional<OptimiseRequest.Guardrail> guardrail = Optional.ofNullable(guardrails.get(channel.channel()));
            EvidenceSeries series = evidence.series().get(channel.channel());
            double factor = factors.stream().filter(f -> f.channel().equals(channel.channel())).findFirst()
                    .map(ProposalView.Incrementality::applied).orElse(1.0);
            // The curve the money follows is the incremental one: attribution's credit times the share of it the
            // total outcome bears out. Identifiability is relative to the average return, so it does not change.
            CurveFit fit = factor == 1.0 ? fits.get(channel.channel()) : fits.get(channel.channel()).scaledBy(factor);
            // An overspent channel has nothing left; what it spent beyond its allocation is not the plan's money.
            Money spentToDate = spent.getOrDefault(channel.channel(), Money.zero(tree.currency()))
                    .min(channel.allocation());
            Money left = channel.allocation().minus(spentToDate);
            String field = "channels." + channel.channel();
            // A channel can never be cut below what its campaigns already hold; guardrails bound whole allocations.
            Money minimum = guardrail.map(OptimiseRequest.Guardrail::minimum)
                    .map(m -> Amounts.money(field + ".minimum", m, tree.currency()))
                    .orElse(Money.zero(tree.currency()))
                    .max(channel.committedToCampaigns())
                    .minus(spentToDate).max(Money.zero(tree.currency()));
            Optional<Money> maximum = guardrail.map(OptimiseRequest.Guardrail::maximum)
                    .map(m -> Amounts.money(field + ".maximum", m, tree.currency())
                            .minus(spentToDate).max(Money.zero(tree.currency())));
            // The move starts from what is left, spread over the periods left; a channel without money left is
            // judged where its history spent.
            double leftPerPeriod = left.amount().doubleValue() / periodsLeft;
            Identifiability judgement = Identifiability.judge(fit,
                    leftPerPeriod > 0 ? leftPerPeriod : medianSpend(series), limits);
            Candidate candidate = new Candidate(channel, fit, judgement, spentToDate, left, minimum, maximum,
                    ProposalView.Evidence.of(curves.attributionModel(), series));
            if (!judgement.identifiable()) {
                uncertain.add(candidate);
                continue;
            }
            trust.put(channel.channel(), judgement);
            total = total.plus(left);
            options.add(candidate.option(periodsLeft, minimum, maximum));
            candidates.put(channel.channel(), candidate);
        }
        // Held channels that the data show to earn less at the margin than the best trusted one may be cut, never
        // raised; the others stay held (and may be explored).
        Optional<Map.Entry<String, Double>> bestTrusted = trust.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), DominatedCut.lowerMarginal(e.getValue())))
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        Map<String, DominatedCut> cuts = new HashMap<>();
        for (Candidate candidate : uncertain) {
            Optional<DominatedCut> cut = candidate.left().amount().signum() > 0
                    ? bestTrusted.flatMap(best -> DominatedCut.of(candidate.judgement(), best.getKey(),
                            best.getValue(), config.maxDominatedCutShare()))
                    : Optional.empty();
            String channel = candidate.channel().channel();
            if (cut.isEmpty()) {
                held.add(new ProposalView.Held(channel, candidate.channel().allocation().amount(),
                        candidate.judgement().reason(), true));
                continue;
            }
            Money left = candidate.left();
            Money lowest = cut.get().lowest(left);
            Money maximum = candidate.maximum().map(left::min).orElse(left);
            Money minimum = candidate.minimum().max(lowest).min(maximum);
            cuts.put(channel, cut.get());
            trust.put(channel, candidate.judgement());
            total = total.plus(left);
            options.add(candidate.option(periodsLeft, minimum, Optional.of(maximum)));
            candidates.put(channel, candidate);
        }
        if (options.isEmpty()) {
            return new ProposalView(plan.id, plan.version, plan.currency, total.amount(), 0, 0, 0, 0, null, List.of(),
                    held, null, factors);
        }
        Optional<BigDecimal> maxChange = Optional.ofNullable(request.maxChangePercent())
                .map(p -> p.movePointLeft(2));
        Reallocation reallocation = new BudgetOptimiser(maxChange, config.minGainStandardErrors())
                .optimise(total, options);
        List<ProposalView.Move> moves = reallocation.moves().stream()
                .map(m -> {
                    Candidate candidate = candidates.get(m.channel());
                    return ProposalView.Move.of(m, candidate.spentToDate(), candidate.fit(), trust.get(m.channel()),
                            candidate.evidence(), periodsLeft,
                            Optional.ofNullable(cuts.get(m.channel())).map(DominatedCut::reason).orElse(null));
                })
                .toList();
        return new ProposalView(plan.id, plan.version, plan.currency, total.amount(),
                reallocation.expectedOutcomeBefore(), reallocation.expectedOutcomeAfter(),
                reallocation.expectedOutcomeChange(), reallocation.expectedOutcomeChangeStandardError(),
                reallocation.keptBecause().orElse(null), moves, held, reallocation.partOfTheWay().orElse(null),
                factors);
    }

    /**
     * Each fitted channel's incremental factor, from the total outcome of the periods every fitted channel has a
     * signal for: the sum of their attributed values, which is what attribution shares out among them. A period
     * some channel's signal has not reached yet (the loop runs on the first signal of a new period) is left out,
     * so the total is never a partial one.
     */
    private List<ProposalView.Incrementality> calibrate(Map<String, CurveFit> fits,
                                                         Map<String, EvidenceSeries> series) {
        if (!incrementality.enabled() || fits.isEmpty()) {
            return List.of();
        }
        SortedSet<LocalDate> common = null;
        for (String channel : fits.keySet()) {
            SortedSet<LocalDate> dates = new TreeSet<>();
            series.get(channel).periods().forEach(p -> dates.add(p.start()));
            if (common == null) {
                common = dates;
            } else {
                common.retainAll(dates);
            }
        }
        List<LocalDate> periods = List.copyOf(common);
        double[] totalOutcome = new double[periods.size()];
        Map<String, double[]> predicted = new LinkedHashMap<>();
        for (Map.Entry<String, CurveFit> entry : fits.entrySet()) {
            EvidenceSeries channelSeries = series.get(entry.getKey());
            // The curve's prediction over its own series, whose adstock starts where the series does.
            double[] prediction = entry.getValue().curve().predict(channelSeries.spend());
            Map<LocalDate, Integer> index = new HashMap<>();
            for (int t = 0; t < channelSeries.size(); t++) {
                index.put(channelSeries.periods().get(t).start(), t);
            }
            double[] column = new double[periods.size()];
            for (int i = 0; i < periods.size(); i++) {
                int t = index.get(periods.get(i));
                column[i] = prediction[t];
                totalOutcome[i] += channelSeries.periods().get(t).value();
            }
            predicted.put(entry.getKey(), column);
        }
        IncrementalityCalibration.Result result = new IncrementalityCalibration(incrementality.priorSd(),
                incrementality.minPeriods()).calibrate(totalOutcome, predicted);
        return result.factors().values().stream()
                .map(f -> new ProposalView.Incrementality(f.channel(), f.mean(), f.lower90(), f.upper90(),
                        result.informed() ? f.applied() : 1.0, result.periods(), result.informed()))
                .toList();
    }

    private static Map<String, Money> spentByChannel(List<Campaign> campaigns, Currency currency) {
        Map<String, Money> spent = new HashMap<>();
        for (Campaign campaign : campaigns) {
            if (campaign.spent != null) {
                spent.merge(campaign.channel, Money.of(campaign.spent, currency), Money::plus);
            }
        }
        return spent;
    }

    /** The median spend of the periods that spent: the fit refuses a history that never spent, so there is one. */
    private static double medianSpend(EvidenceSeries series) {
        double[] spent = Arrays.stream(series.spend()).filter(spend -> spend > 0).sorted().toArray();
        return spent[spent.length / 2];
    }
}
