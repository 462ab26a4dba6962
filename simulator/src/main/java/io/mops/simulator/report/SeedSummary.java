package io.mops.simulator.report;

import org.apache.commons.statistics.distribution.TDistribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Several seeds of one market: each figure's mean and 95 % interval (Student t over the seeds). */
public record SeedSummary(String market, List<Long> seeds, Map<String, Interval> figures) {

    public record Interval(double mean, double low, double high, int n) {
    }

    public static SeedSummary of(List<SimulationReport> runs) {
        Map<String, Interval> figures = new LinkedHashMap<>();
        List<String> strategies = runs.get(0).strategies().stream().map(StrategyFigures::strategy).toList();
        for (String strategy : strategies) {
            figures.put(strategy + ".valuePerSpend", interval(runs, r -> r.strategy(strategy).valuePerSpend()));
            figures.put(strategy + ".conversionsPerSpend", interval(runs, r -> r.strategy(strategy).conversionsPerSpend()));
            figures.put(strategy + ".shareOfOracle", interval(runs, r -> r.strategy(strategy).shareOfOracle()));
            figures.put(strategy + ".liftOverEven", interval(runs, r -> r.strategy(strategy).liftOverEven()));
        }
        for (int e = 0; e < runs.get(0).experiments().size(); e++) {
            int index = e;
            String key = runs.get(0).experiments().get(e).experiment();
            figures.put(key + ".regretRatio", interval(runs, r -> r.experiments().get(index).regretRatio()));
        }
        List<Long> seeds = new ArrayList<>();
        runs.forEach(r -> seeds.add(r.seed()));
        return new SeedSummary(runs.get(0).market(), seeds, figures);
    }

    static Interval interval(List<SimulationReport> runs, ToDoubleFunction<SimulationReport> figure) {
        double[] x = runs.stream().mapToDouble(figure).toArray();
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        if (n < 2) {
            return new Interval(mean, Double.NaN, Double.NaN, n);
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double half = TDistribution.of(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(ss / (n - 1) / n);
        return new Interval(mean, mean - half, mean + half, n);
    }
}
