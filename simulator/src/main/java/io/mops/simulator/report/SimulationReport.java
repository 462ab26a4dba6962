package io.mops.simulator.report;

import java.util.List;
import java.util.Map;

/**
 * Everything one simulation of one market and seed found, as written to {@code summary.json}.
 *
 * @param judgedFromDay  first day counted in the figures (the learning period before it is not judged)
 * @param strategies     each budget strategy's figures over the judged days
 * @param dailyValue     per strategy, the true expected value of each day
 * @param dailyShares    per strategy, each day's budget share per channel (channel order as {@code channels})
 * @param goals          the goals and whether this run met them (reported, never forced)
 */
public record SimulationReport(String market, String description, long seed, int days, int judgedFromDay,
                               String currency, List<String> channels, List<StrategyFigures> strategies,
                               Map<String, double[]> dailyValue, Map<String, double[][]> dailyShares,
                               List<ChannelCredit> attribution, List<ExperimentFigures> experiments,
                               Map<String, List<double[]>> experimentRegret, List<HumanDecision> decisions,
                               List<Calibration> calibration, Map<String, Boolean> goals, List<String> notes) {

    public StrategyFigures strategy(String name) {
        return strategies.stream().filter(s -> s.strategy().equals(name)).findFirst().orElseThrow();
    }
}
