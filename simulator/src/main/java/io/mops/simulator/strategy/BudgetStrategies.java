package io.mops.simulator.strategy;

import io.mops.simulator.market.Market;
import io.mops.simulator.market.TrueResponse;

import java.util.function.DoubleUnaryOperator;

/**
 * The budget strategies MOPS is compared with, on the same market and seed. Each gives the budget the ad platforms
 * are told to spend per day and channel; {@link Market#evaluate} turns that into what really happens.
 */
public final class BudgetStrategies {

    private BudgetStrategies() {
    }

    /** The same share for every channel, every day: a person splitting by hand without evidence. */
    public static double[][] evenSplit(Market market) {
        int days = market.spec().days();
        double[][] budget = new double[days][market.channels()];
        for (double[] day : budget) {
            java.util.Arrays.fill(day, market.spec().dailyBudget() / market.channels());
        }
        return budget;
    }

    /** The market's starting plan, never changed. */
    public static double[][] startingPlan(Market market) {
        int days = market.spec().days();
        double[][] budget = new double[days][market.channels()];
        for (double[] day : budget) {
            for (int c = 0; c < market.channels(); c++) {
                day[c] = market.spec().dailyBudget() * market.spec().startingSplit().get(market.channel(c));
            }
        }
        return budget;
    }

    /**
     * The oracle: each day, the split that maximises the day's expected incremental value (conversions times their
     * mean value — what MOPS's loop maximises too) under the true curves of that day (drift and weekday included),
     * known with hindsight.
     */
    public static double[][] oracle(Market market) {
        int days = market.spec().days();
        double[][] budget = new double[days][];
        for (int t = 0; t < days; t++) {
            int day = t;
            DoubleUnaryOperator[] g = new DoubleUnaryOperator[market.channels()];
            for (int c = 0; c < g.length; c++) {
                TrueResponse r = market.response(c);
                g[c] = x -> r.steadyState(x, day, market.dayOfWeek(day)) * r.meanConversionValue();
            }
            budget[t] = TrueOptimum.split(market.spec().dailyBudget(), g);
        }
        return budget;
    }
}
