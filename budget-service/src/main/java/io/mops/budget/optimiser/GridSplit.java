package io.mops.budget.optimiser;

import io.mops.budget.curve.SpendResponse;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * The best split of a budget on a money grid, exactly, by dynamic programming: the free money (the budget above
 * every channel's low end) is cut into {@code units} equal units, and each channel takes a whole number of them
 * within its range.
 *
 * <p>Channels that are concave on their range are merged first into one block: on the grid, the best use of
 * {@code m} units among concave channels is the {@code m} largest of their successive increments, which a merge of
 * the channels' (falling) increments finds in {@code O(units · log channels)}. Every other channel (an S-shaped
 * curve whose convex part lies in its range) is added by a max-plus convolution, {@code O(units²)} each. The grid
 * makes no assumption about the curves' shape, so its answer is the global optimum up to the grid's resolution.
 */
final class GridSplit {

    private GridSplit() {
    }

    /**
     * @param concave which channels are concave on their range (they may be merged)
     * @return the number of units each channel takes above its low end
     */
    static int[] units(SpendResponse[] responses, double[] low, double[] high, boolean[] concave, double unit,
                       int units) {
        int n = responses.length;
        int[] most = new int[n];
        for (int i = 0; i < n; i++) {
            most[i] = (int) Math.min(units, Math.floor((high[i] - low[i]) / unit * (1 + 1e-12)));
        }

        // The concave block: which channel takes the next unit, in order of the largest next increment.
        int[] pick = new int[units];
        double[] value = new double[units + 1];
        Arrays.fill(value, Double.NEGATIVE_INFINITY);
        double base = 0;
        int[] taken = new int[n];
        PriorityQueue<double[]> next = new PriorityQueue<>((a, b) -> Double.compare(b[0], a[0]));
        for (int i = 0; i < n; i++) {
            if (concave[i]) {
                base += responses[i].outcome(low[i]);
                if (most[i] > 0) {
                    next.add(new double[] {increment(responses[i], low[i], unit, 0), i});
                }
            }
        }
        value[0] = base;
        int blockUnits = 0;
        while (blockUnits < units && !next.isEmpty()) {
            double[] best = next.poll();
            int i = (int) best[1];
            pick[blockUnits] = i;
            value[blockUnits + 1] = value[blockUnits] + best[0];
            blockUnits++;
            taken[i]++;
            if (taken[i] < most[i]) {
                next.add(new double[] {increment(responses[i], low[i], unit, taken[i]), i});
            }
        }

        // Every other channel by max-plus convolution; choice[i][m]: its units when m units are spent so far.
        int[][] choice = new int[n][];
        for (int i = 0; i < n; i++) {
            if (concave[i]) {
                continue;
            }
            double[] own = new double[most[i] + 1];
            for (int k = 0; k <= most[i]; k++) {
                own[k] = responses[i].outcome(low[i] + k * unit);
            }
            double[] merged = new double[units + 1];
            Arrays.fill(merged, Double.NEGATIVE_INFINITY);
            choice[i] = new int[units + 1];
            for (int m = 0; m <= units; m++) {
                double bestValue = Double.NEGATIVE_INFINITY;
                int bestK = 0;
                for (int k = 0, top = Math.min(most[i], m); k <= top; k++) {
                    double candidate = value[m - k] + own[k];
                    if (candidate > bestValue) {
                        bestValue = candidate;
                        bestK = k;
                    }
                }
                merged[m] = bestValue;
                choice[i][m] = bestK;
            }
            value = merged;
        }

        int spent = 0;
        for (int m = 1; m <= units; m++) {
            if (value[m] >= value[spent]) {
                spent = m;
            }
        }
        int[] result = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            if (!concave[i]) {
                result[i] = choice[i][spent];
                spent -= result[i];
            }
        }
        for (int u = 0; u < spent; u++) {
            result[pick[u]]++;
        }
        return result;
    }

    private static double increment(SpendResponse response, double low, double unit, int taken) {
        return response.outcome(low + (taken + 1) * unit) - response.outcome(low + taken * unit);
    }
}
