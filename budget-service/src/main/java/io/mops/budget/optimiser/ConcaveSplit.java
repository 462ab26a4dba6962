package io.mops.budget.optimiser;

import io.mops.budget.curve.SpendResponse;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * The exact split of a budget across channels that are all concave on their ranges (the KKT conditions): every
 * channel not held at an end of its range earns the same marginal return μ.
 *
 * <p>For a given μ each channel takes the spend where its marginal return falls to μ (Brent's method), clamped to
 * its range. Because every curve is concave on its range, that spend falls continuously as μ rises, and so does
 * the channels' total; bisection on μ brackets the total from both sides, and the answer is the interpolation
 * between the two bracketing splits that spends the budget exactly. No amount is left over for any one channel to
 * take in a lump.
 */
final class ConcaveSplit {

    private static final int BISECTIONS = 200;
    private static final int MAX_EVALUATIONS = 500;

    /** @param spend per channel, adding up to the budget; {@code outcome} is their summed expected outcome */
    record Result(double[] spend, double outcome) {
    }

    private final SpendResponse[] responses;
    private final double[] low;
    private final double[] high;
    /** Where the root finder starts: the low end, nudged off an infinitely steep start (shape below 1 at zero). */
    private final double[] start;

    /** Every response must be concave on its {@code [low, high]}. */
    ConcaveSplit(SpendResponse[] responses, double[] low, double[] high) {
        this.responses = responses;
        this.low = low;
        this.high = high;
        this.start = new double[responses.length];
        for (int i = 0; i < start.length; i++) {
            start[i] = low[i];
            if (low[i] < high[i] && Double.isInfinite(responses[i].marginalReturn(low[i]))) {
                start[i] = Math.min(high[i], low[i] + 1e-9 * Math.max(1, high[i]));
            }
        }
    }

    double lowest() {
        return sum(low);
    }

    double highest() {
        return sum(high);
    }

    /** The best split of {@code budget}, which must lie between {@link #lowest()} and {@link #highest()}. */
    Result solve(double budget) {
        double[] fewer = low.clone();
        double[] more = high.clone();
        if (budget <= sum(fewer)) {
            return result(fewer);
        }
        if (budget >= sum(more)) {
            return result(more);
        }
        // At μ = 0 every channel takes all it may (the curves never fall); above every channel's steepest slope, none
        // takes more than where it starts.
        double cheap = 0;
        double dear = 0;
        for (int i = 0; i < responses.length; i++) {
            if (low[i] < high[i]) {
                dear = Math.max(dear, responses[i].marginalReturn(start[i]));
            }
        }
        dear = dear * (1 + 1e-12) + Double.MIN_NORMAL;
        double[] atDear = spendAt(dear);
        if (sum(atDear) <= budget) {
            fewer = atDear;
        }
        for (int i = 0; i < BISECTIONS && dear - cheap > 1e-14 * dear; i++) {
            double mid = (cheap + dear) / 2;
            double[] atMid = spendAt(mid);
            if (sum(atMid) >= budget) {
                cheap = mid;
                more = atMid;
            } else {
                dear = mid;
                fewer = atMid;
            }
        }
        // Both splits lie within every range; so does any mix of them, and this one spends the budget exactly.
        double shortfall = budget - sum(fewer);
        double gap = sum(more) - sum(fewer);
        double share = gap > 0 ? Math.min(1, Math.max(0, shortfall / gap)) : 0;
        double[] spend = new double[fewer.length];
        for (int i = 0; i < spend.length; i++) {
            spend[i] = fewer[i] + share * (more[i] - fewer[i]);
        }
        return result(spend);
    }

    private double[] spendAt(double marginalReturn) {
        double[] spend = new double[responses.length];
        for (int i = 0; i < spend.length; i++) {
            spend[i] = bestResponse(i, marginalReturn);
        }
        return spend;
    }

    /** The spend in the channel's range that maximises {@code outcome(x) - μ·x}. */
    private double bestResponse(int i, double mu) {
        if (low[i] >= high[i]) {
            return low[i];
        }
        SpendResponse response = responses[i];
        if (response.marginalReturn(start[i]) <= mu) {
            return start[i];
        }
        if (response.marginalReturn(high[i]) >= mu) {
            return high[i];
        }
        BrentSolver solver = new BrentSolver(1e-14, 1e-10 * Math.max(1, high[i]));
        return solver.solve(MAX_EVALUATIONS, s -> response.marginalReturn(s) - mu, start[i], high[i]);
    }

    private Result result(double[] spend) {
        double outcome = 0;
        for (int i = 0; i < spend.length; i++) {
            outcome += responses[i].outcome(spend[i]);
        }
        return new Result(spend, outcome);
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
