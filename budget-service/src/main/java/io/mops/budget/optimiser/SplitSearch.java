package io.mops.budget.optimiser;

import io.mops.budget.curve.SpendResponse;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The split of a total across channels with the highest expected outcome, for any mix of concave and S-shaped
 * curves, in two steps.
 *
 * <ol>
 *   <li><b>Where the optimum lies</b>: the exact optimum on a money grid ({@link GridSplit}), which makes no
 *       assumption about the curves' shape. It tells each S-shaped channel's <em>regime</em>: held at the low end
 *       of its range, at the top of a range that ends below its inflection point, in its concave part, or — for
 *       at most one channel, since two channels inside their convex parts would both gain from moving money
 *       between them — somewhere inside its convex part.</li>
 *   <li><b>Exactly where</b>: in that regime every channel left free is concave on what is left of its range, so
 *       the KKT conditions give the exact split ({@link ConcaveSplit}); a channel inside its convex part is placed
 *       by a one-dimensional search (Brent) around the grid's answer, with the exact split of the rest for every
 *       trial.</li>
 * </ol>
 * The grid's own answer, the regime's exact answer and one per channel the grid left inside its convex part are
 * compared by their expected outcome and the best is kept, so the answer is never worse than the grid's.
 */
final class SplitSearch {

    /** The grid's work, about {@code units²} per S-shaped channel, stays near this many steps. */
    private static final double GRID_WORK = 1e7;
    private static final int FEWEST_UNITS = 1_000;
    private static final int MOST_UNITS = 4_000;

    private final SpendResponse[] responses;
    private final double[] low;
    private final double[] high;
    private final double total;
    private final int n;

    SplitSearch(SpendResponse[] responses, double[] low, double[] high, double total) {
        this.responses = responses;
        this.low = low;
        this.high = high;
        this.total = total;
        this.n = responses.length;
    }

    /** Where a channel's curve turns concave, within its range. */
    private double inflection(int i) {
        return responses[i].concaveFrom();
    }

    private boolean concaveInRange(int i) {
        return low[i] >= high[i] || inflection(i) <= low[i];
    }

    double[] best() {
        double free = total - ConcaveSplit.sum(low);
        if (free <= 0) {
            return low.clone();
        }
        boolean[] concave = new boolean[n];
        int sShaped = 0;
        for (int i = 0; i < n; i++) {
            concave[i] = concaveInRange(i);
            if (!concave[i]) {
                sShaped++;
            }
        }
        if (sShaped == 0) {
            return new ConcaveSplit(responses, low, high).solve(total).spend();
        }
        int units = (int) Math.max(FEWEST_UNITS, Math.min(MOST_UNITS, Math.sqrt(GRID_WORK / sShaped)));
        double unit = free / units;
        int[] taken = GridSplit.units(responses, low, high, concave, unit, units);
        double[] grid = new double[n];
        for (int i = 0; i < n; i++) {
            grid[i] = Math.min(high[i], low[i] + taken[i] * unit);
        }

        List<double[]> candidates = new ArrayList<>();
        candidates.add(spreadLeftover(grid));
        Regime[] regimes = new Regime[n];
        List<Integer> inside = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            regimes[i] = regimeOf(i, grid[i], concave[i], unit);
            if (regimes[i] == Regime.INSIDE_CONVEX) {
                inside.add(i);
            }
        }
        Regime[] rounded = regimes.clone();
        for (int i : inside) {
            rounded[i] = nearestEnd(i, grid[i]);
        }
        solve(rounded, -1, grid, unit).ifPresent(candidates::add);
        for (int j : inside) {
            Regime[] withOne = rounded.clone();
            withOne[j] = Regime.INSIDE_CONVEX;
            solve(withOne, j, grid, unit).ifPresent(candidates::add);
        }

        double[] best = null;
        double bestOutcome = Double.NEGATIVE_INFINITY;
        for (double[] candidate : candidates) {
            double outcome = outcome(candidate);
            if (outcome > bestOutcome) {
                bestOutcome = outcome;
                best = candidate;
            }
        }
        return best;
    }

    /** Where in its range a channel sits at the optimum. */
    private enum Regime {
        /** Concave over its whole range: free within it. */
        FREE,
        /** S-shaped, in its concave part: free from its inflection point (or its low end, if higher) up. */
        CONCAVE_PART,
        /** S-shaped, at the low end of its range. */
        AT_LOW,
        /** S-shaped with a range that ends below its inflection point, at the top. */
        AT_HIGH,
        /** S-shaped, inside its convex part. */
        INSIDE_CONVEX
    }

    private Regime regimeOf(int i, double spend, boolean concave, double unit) {
        if (concave) {
            return Regime.FREE;
        }
        double turn = inflection(i);
        if (high[i] > turn && spend >= turn - unit) {
            return Regime.CONCAVE_PART;
        }
        if (spend <= low[i]) {
            return Regime.AT_LOW;
        }
        if (high[i] <= turn && spend >= high[i] - unit) {
            return Regime.AT_HIGH;
        }
        return Regime.INSIDE_CONVEX;
    }

    private Regime nearestEnd(int i, double spend) {
        double top = Math.min(high[i], inflection(i));
        if (spend - low[i] <= top - spend) {
            return Regime.AT_LOW;
        }
        return high[i] > inflection(i) ? Regime.CONCAVE_PART : Regime.AT_HIGH;
    }

    /**
     * The exact best split in a regime; with {@code inside ≥ 0}, that channel is placed inside its convex part
     * by a one-dimensional search near the grid's answer. Empty when the regime cannot spend the total.
     */
    private Optional<double[]> solve(Regime[] regimes, int inside, double[] grid, double unit) {
        double[] freeLow = new double[n];
        double[] freeHigh = new double[n];
        double fixed = 0;
        for (int i = 0; i < n; i++) {
            switch (regimes[i]) {
                case FREE -> {
                    freeLow[i] = low[i];
                    freeHigh[i] = high[i];
                }
                case CONCAVE_PART -> {
                    freeLow[i] = Math.max(low[i], inflection(i));
                    freeHigh[i] = high[i];
                }
                case AT_LOW -> fixed += low[i];
                case AT_HIGH -> fixed += high[i];
                case INSIDE_CONVEX -> {
                    // placed below; it takes no part in the concave split
                }
            }
        }
        ConcaveSplit rest = new ConcaveSplit(responses, freeLow, freeHigh);
        double budget = total - fixed;
        double slack = 1e-9 * Math.max(1, total);
        if (inside < 0) {
            if (budget < rest.lowest() - slack || budget > rest.highest() + slack) {
                return Optional.empty();
            }
            return Optional.of(assemble(regimes, rest.solve(budget).spend(), -1, 0));
        }
        double from = Math.max(low[inside], budget - rest.highest());
        double to = Math.min(Math.min(high[inside], inflection(inside)), budget - rest.lowest());
        if (from > to) {
            return Optional.empty();
        }
        double near = Math.max(from, grid[inside] - 2 * unit);
        double far = Math.min(to, grid[inside] + 2 * unit);
        if (!(far - near > 1e-9 * Math.max(1, far))) {
            return Optional.of(assemble(regimes, rest.solve(budget - near).spend(), inside, near));
        }
        UnivariatePointValuePair placed = new BrentOptimizer(1e-10, 1e-9 * Math.max(1, high[inside])).optimize(
                new MaxEval(200), GoalType.MAXIMIZE, new SearchInterval(near, far, Math.max(near, Math.min(far, grid[inside]))),
                new UnivariateObjectiveFunction(
                        t -> responses[inside].outcome(t) + rest.solve(budget - t).outcome()));
        double t = placed.getPoint();
        return Optional.of(assemble(regimes, rest.solve(budget - t).spend(), inside, t));
    }

    private double[] assemble(Regime[] regimes, double[] freeSpend, int inside, double insideSpend) {
        double[] spend = new double[n];
        for (int i = 0; i < n; i++) {
            spend[i] = switch (regimes[i]) {
                case FREE, CONCAVE_PART -> freeSpend[i];
                case AT_LOW -> low[i];
                case AT_HIGH -> high[i];
                case INSIDE_CONVEX -> i == inside ? insideSpend : low[i];
            };
        }
        return spend;
    }

    /** The grid leaves less than a unit per channel unspent; it goes to the channels in proportion to their room. */
    private double[] spreadLeftover(double[] grid) {
        double[] spend = grid.clone();
        double leftover = total - ConcaveSplit.sum(spend);
        double room = 0;
        for (int i = 0; i < n; i++) {
            room += high[i] - spend[i];
        }
        if (leftover > 0 && room > 0) {
            double share = Math.min(1, leftover / room);
            for (int i = 0; i < n; i++) {
                spend[i] += share * (high[i] - spend[i]);
            }
        }
        return spend;
    }

    private double outcome(double[] spend) {
        double outcome = 0;
        for (int i = 0; i < n; i++) {
            outcome += responses[i].outcome(spend[i]);
        }
        return outcome;
    }
}
