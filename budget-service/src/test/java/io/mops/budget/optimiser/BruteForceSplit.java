package io.mops.budget.optimiser;

import io.mops.budget.curve.SpendResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The reference the optimiser is checked against, independent of it: the best split of a total over three
 * channels by brute force. Every split on a 240 × 240 grid of two channels' ranges is evaluated (the channel with
 * the widest range takes the rest), and each of the eight best grid points that no neighbour beats is polished by
 * zooming: a 9 × 9 grid around it, moved to its best point, with the step quartered, thirty times.
 */
public final class BruteForceSplit {

    private static final int STEPS = 240;
    private static final int POLISHED = 8;
    private static final int ZOOMS = 30;

    private final SpendResponse[] r;
    private final double[] low;
    private final double[] high;
    private final double total;
    /** Channel {@code order[k]} is searched as the k-th; the last takes the rest. */
    private final int[] order;

    public BruteForceSplit(SpendResponse[] responses, double[] low, double[] high, double total) {
        if (responses.length != 3) {
            throw new IllegalArgumentException("the brute force is for three channels");
        }
        int widest = 0;
        for (int i = 1; i < 3; i++) {
            if (high[i] - low[i] > high[widest] - low[widest]) {
                widest = i;
            }
        }
        order = new int[] {(widest + 1) % 3, (widest + 2) % 3, widest};
        this.r = new SpendResponse[3];
        this.low = new double[3];
        this.high = new double[3];
        for (int k = 0; k < 3; k++) {
            r[k] = responses[order[k]];
            this.low[k] = low[order[k]];
            this.high[k] = high[order[k]];
        }
        this.total = total;
    }

    /** The best split, in the channels' own order. */
    public double[] best() {
        double[] searched = search();
        double[] split = new double[3];
        for (int k = 0; k < 3; k++) {
            split[order[k]] = searched[k];
        }
        return split;
    }

    /** Expected outcome of a search point, or −∞ when the last channel's share leaves its range. */
    private double outcome(double a, double b) {
        double c = total - a - b;
        double slack = 1e-9 * Math.max(1, total);
        if (a < low[0] || a > high[0] || b < low[1] || b > high[1] || c < low[2] - slack || c > high[2] + slack) {
            return Double.NEGATIVE_INFINITY;
        }
        return r[0].outcome(a) + r[1].outcome(b) + r[2].outcome(Math.max(0, c));
    }

    private double[] search() {
        double stepA = (high[0] - low[0]) / STEPS;
        double stepB = (high[1] - low[1]) / STEPS;
        double[][] grid = new double[STEPS + 1][STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            for (int j = 0; j <= STEPS; j++) {
                grid[i][j] = outcome(low[0] + i * stepA, low[1] + j * stepB);
            }
        }
        List<int[]> peaks = new ArrayList<>();
        for (int i = 0; i <= STEPS; i++) {
            for (int j = 0; j <= STEPS; j++) {
                if (grid[i][j] > Double.NEGATIVE_INFINITY && isPeak(grid, i, j)) {
                    peaks.add(new int[] {i, j});
                }
            }
        }
        if (peaks.isEmpty()) {
            // The feasible splits lie between grid lines (a narrow range for the third channel): search its line.
            return alongTheThirdChannelsRange();
        }
        peaks.sort(Comparator.comparingDouble((int[] p) -> grid[p[0]][p[1]]).reversed());
        double[] best = null;
        double bestOutcome = Double.NEGATIVE_INFINITY;
        for (int[] peak : peaks.subList(0, Math.min(POLISHED, peaks.size()))) {
            double[] polished = zoom(low[0] + peak[0] * stepA, low[1] + peak[1] * stepB,
                    Math.max(stepA, stepB));
            double o = outcome(polished[0], polished[1]);
            if (o > bestOutcome) {
                bestOutcome = o;
                best = new double[] {polished[0], polished[1], total - polished[0] - polished[1]};
            }
        }
        return best;
    }

    private static boolean isPeak(double[][] grid, int i, int j) {
        for (int di = -1; di <= 1; di++) {
            for (int dj = -1; dj <= 1; dj++) {
                int a = i + di;
                int b = j + dj;
                if ((di != 0 || dj != 0) && a >= 0 && b >= 0 && a < grid.length && b < grid.length
                        && grid[a][b] > grid[i][j]) {
                    return false;
                }
            }
        }
        return true;
    }

    private double[] zoom(double a, double b, double step) {
        double bestA = a;
        double bestB = b;
        double bestOutcome = outcome(a, b);
        for (int round = 0; round < ZOOMS; round++) {
            double centreA = bestA;
            double centreB = bestB;
            for (int i = -4; i <= 4; i++) {
                for (int j = -4; j <= 4; j++) {
                    double tryA = Math.min(high[0], Math.max(low[0], centreA + i * step));
                    double tryB = Math.min(high[1], Math.max(low[1], centreB + j * step));
                    double o = outcome(tryA, tryB);
                    if (o > bestOutcome) {
                        bestOutcome = o;
                        bestA = tryA;
                        bestB = tryB;
                    }
                }
            }
            step /= 4;
        }
        return new double[] {bestA, bestB};
    }

    /** When the third channel's range is too narrow for the grid to land in, walk the first channel instead. */
    private double[] alongTheThirdChannelsRange() {
        double[] best = null;
        double bestOutcome = Double.NEGATIVE_INFINITY;
        double stepA = (high[0] - low[0]) / (STEPS * STEPS);
        for (int i = 0; i <= STEPS * STEPS; i++) {
            double a = low[0] + i * stepA;
            double rest = total - a;
            double b = Math.min(high[1], Math.max(low[1], rest - (low[2] + high[2]) / 2));
            double o = outcome(a, b);
            if (o > bestOutcome) {
                bestOutcome = o;
                best = new double[] {a, b, total - a - b};
            }
        }
        return best;
    }
}
