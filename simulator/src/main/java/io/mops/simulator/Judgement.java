package io.mops.simulator;

import io.mops.simulator.experiment.ExperimentLedger;
import io.mops.simulator.loop.ClosedLoop;
import io.mops.simulator.market.ExperimentSpec;
import io.mops.simulator.market.Market;
import io.mops.simulator.market.MarketSpec;
import io.mops.simulator.report.Calibration;
import io.mops.simulator.report.ChannelCredit;
import io.mops.simulator.report.ExperimentFigures;
import io.mops.simulator.report.SimulationReport;
import io.mops.simulator.report.StrategyFigures;
import io.mops.simulator.strategy.BudgetStrategies;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges what the loop did against the market's truth and against the other strategies on the same market and seed:
 * the even split, the starting plan left alone, and the oracle that knows the true curves of every day. Everything
 * is in true expected terms — what the market would have delivered on average for each spend path — so the
 * comparison carries no sampling noise of its own.
 */
public final class Judgement {

    public static final String MOPS = "mops closed loop";
    public static final String EVEN = "even split";
    public static final String STARTING = "starting plan";
    public static final String ORACLE = "oracle";

    private Judgement() {
    }

    public static SimulationReport judge(MarketSpec spec, long seed, ClosedLoop.Record record,
                                         Map<String, Map<String, Double>> creditByModel, List<Calibration> calibration) {
        Market market = new Market(spec, seed);
        Map<String, Market.Outcome> outcomes = new LinkedHashMap<>();
        Map<String, double[][]> budgets = new LinkedHashMap<>();
        outcomes.put(MOPS, market.evaluateSpent(record.spent()));
        budgets.put(MOPS, record.budgeted());
        double[][] even = BudgetStrategies.evenSplit(market);
        double[][] starting = BudgetStrategies.startingPlan(market);
        double[][] oracle = BudgetStrategies.oracle(market);
        outcomes.put(EVEN, market.evaluate(even));
        budgets.put(EVEN, even);
        outcomes.put(STARTING, market.evaluate(starting));
        budgets.put(STARTING, starting);
        outcomes.put(ORACLE, market.evaluate(oracle));
        budgets.put(ORACLE, oracle);

        int from = spec.learningDays();
        int to = spec.days();
        double oracleValue = outcomes.get(ORACLE).value(from, to);
        double evenValue = outcomes.get(EVEN).value(from, to);
        List<StrategyFigures> figures = new ArrayList<>();
        Map<String, double[]> dailyValue = new LinkedHashMap<>();
        Map<String, double[][]> dailyShares = new LinkedHashMap<>();
        for (Map.Entry<String, Market.Outcome> entry : outcomes.entrySet()) {
            Market.Outcome o = entry.getValue();
            double spend = o.spend(from, to);
            double value = o.value(from, to);
            double conversions = o.conversions(from, to);
            figures.add(new StrategyFigures(entry.getKey(), spend, conversions, value, conversions / spend,
                    value / spend, value / oracleValue, value / evenValue - 1));
            double[] daily = new double[to];
            for (int t = 0; t < to; t++) {
                daily[t] = o.value(t, t + 1);
            }
            dailyValue.put(entry.getKey(), daily);
        }
        dailyShares.put(MOPS, shares(budgets.get(MOPS)));
        dailyShares.put(ORACLE, shares(budgets.get(ORACLE)));

        List<ChannelCredit> attribution = new ArrayList<>();
        for (int c = 0; c < market.channels(); c++) {
            double caused = 0;
            for (int t = from; t < to; t++) {
                caused += record.causedConversions()[t][c];
            }
            Map<String, Double> credited = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Double>> model : creditByModel.entrySet()) {
                credited.put(model.getKey(), model.getValue().getOrDefault(market.channel(c), 0.0));
            }
            attribution.add(new ChannelCredit(market.channel(c), caused, credited));
        }

        List<ExperimentFigures> experiments = new ArrayList<>();
        Map<String, List<double[]>> regret = new LinkedHashMap<>();
        for (ExperimentLedger ledger : record.experiments()) {
            ExperimentSpec e = ledger.spec();
            String best = e.variants().stream().max((a, b) -> Double.compare(a.conversionRate(), b.conversionRate()))
                    .orElseThrow().name();
            experiments.add(new ExperimentFigures(e.key(), ledger.visitors(), ledger.banditRegret(),
                    ledger.evenSplitRegret(), ledger.banditRegret() / ledger.evenSplitRegret(), best,
                    record.declaredWinners().get(e.key())));
            regret.put(e.key(), ledger.cumulativeRegret());
        }

        StrategyFigures mops = figures.get(0);
        Map<String, Boolean> goals = new LinkedHashMap<>();
        StrategyFigures evenFigures = figures.get(1);
        StrategyFigures oracleFigures = figures.get(3);
        goals.put(String.format(Locale.ROOT, "at least 95 %% of the oracle's conversions per unit of spend after day %d "
                + "(reached %.1f %%)", from, 100 * mops.conversionsPerSpend() / oracleFigures.conversionsPerSpend()),
                mops.conversionsPerSpend() >= 0.95 * oracleFigures.conversionsPerSpend());
        goals.put(String.format(Locale.ROOT, "at least 20 %% more conversions per unit of spend than the even split "
                + "(%+.1f %%)", 100 * (mops.conversionsPerSpend() / evenFigures.conversionsPerSpend() - 1)),
                mops.conversionsPerSpend() >= 1.2 * evenFigures.conversionsPerSpend());
        for (ExperimentFigures e : experiments) {
            goals.put(String.format(Locale.ROOT, "%s: bandit regret at most half of the even split's (%.2f)",
                    e.experiment(), e.regretRatio()), e.regretRatio() <= 0.5);
        }

        List<String> notes = new ArrayList<>();
        for (ChannelCredit credit : attribution) {
            for (Map.Entry<String, Double> model : credit.creditByModel().entrySet()) {
                if (credit.trueIncremental() < 1 && model.getValue() >= 10) {
                    notes.add(String.format(Locale.ROOT, "%s caused no conversions, yet %s attribution credited it "
                            + "with %.0f: its touchpoints sit in journeys that converted for other reasons.",
                            credit.channel(), model.getKey(), model.getValue()));
                }
            }
        }
        for (Calibration c : calibration) {
            if (c.decisions() == 0 && c.pending() + c.unmeasurable() > 0) {
                notes.add(String.format(Locale.ROOT, "No %s forecast was measured: %d still pending at the end of the "
                        + "run, %d closed as never measurable (another change overlapped its window).", c.source(),
                        c.pending(), c.unmeasurable()));
            }
        }
        return new SimulationReport(spec.name(), spec.description(), seed, spec.days(), from, spec.currency(),
                spec.channelNames(), figures, dailyValue, dailyShares, attribution, experiments, regret,
                record.decisions(), calibration, goals, notes);
    }

    private static double[][] shares(double[][] budgets) {
        double[][] shares = new double[budgets.length][];
        for (int t = 0; t < budgets.length; t++) {
            double total = 0;
            for (double b : budgets[t]) {
                total += b;
            }
            shares[t] = new double[budgets[t].length];
            for (int c = 0; c < budgets[t].length; c++) {
                shares[t][c] = total == 0 ? 0 : budgets[t][c] / total;
            }
        }
        return shares;
    }
}
