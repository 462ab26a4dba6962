package io.mops.simulator.strategy;

import java.util.function.DoubleUnaryOperator;

/**
 * The best split of a day's budget over channels whose true daily responses are known: maximise Σ g_c(x_c) with
 * Σ x_c = budget and x_c ≥ 0, for any response shape (concave, S-shaped, capped). A dynamic programme over a money
 * grid finds the global basin (exact on the grid whatever the shapes); pairwise transfers between channels then
 * polish it off the grid. This is the oracle the platform's decisions are judged against, so it is written
 * independently of budget-service's optimiser and shares no code with it.
 */
public final class TrueOptimum {

    private static final int GRID = 1_000;

    private TrueOptimum() {
    }

    public static double[] split(double budget, DoubleUnaryOperator[] response) {
        int k = response.length;
        double step = budget / GRID;
        double[][] gain = new double[k][GRID + 1];
        for (int c = 0; c < k; c++) {
            for (int m = 0; m <= GRID; m++) {
                gain[c][m] = response[c].applyAsDouble(m * step);
            }
        }
        // best[c][m]: the most the first c+1 channels earn from m grid steps; choice[c][m]: what channel c takes.
        double[][] best = new double[k][GRID + 1];
        int[][] choice = new int[k][GRID + 1];
        System.arraycopy(gain[0], 0, best[0], 0, GRID + 1);
        for (int m = 0; m <= GRID; m++) {
            choice[0][m] = m;
        }
        for (int c = 1; c < k; c++) {
            for (int m = 0; m <= GRID; m++) {
                double top = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int j = 0; j <= m; j++) {
                    double v = best[c - 1][m - j] + gain[c][j];
                    if (v > top) {
                        top = v;
                        arg = j;
                    }
                }
                best[c][m] = top;
                choice[c][m] = arg;
            }
        }
        double[] x = new double[k];
        int left = GRID;
        for (int c = k - 1; c >= 0; c--) {
            int j = c == 0 ? left : choice[c][left];
            x[c] = j * step;
            left -= j;
        }
        polish(x, response, step);
        return x;
    }

    public static double outcome(double[] x, DoubleUnaryOperator[] response) {
        double s = 0;
        for (int c = 0; c < x.length; c++) {
            s += response[c].applyAsDouble(x[c]);
        }
        return s;
    }

    /** Moves money between pairs of channels within a grid step or two while that earns more (golden section). */
    private static void polish(double[] x, DoubleUnaryOperator[] response, double step) {
        for (int round = 0; round < 50; round++) {
            boolean improved = false;
            for (int i = 0; i < x.length; i++) {
                for (int j = i + 1; j < x.length; j++) {
                    double lo = -Math.min(x[i], 2 * step);
                    double hi = Math.min(x[j], 2 * step);
                    if (hi - lo <= 0) {
                        continue;
                    }
                    int a = i;
                    int b = j;
                    double before = response[a].applyAsDouble(x[a]) + response[b].applyAsDouble(x[b]);
                    DoubleUnaryOperator pair = d -> response[a].applyAsDouble(x[a] + d) + response[b].applyAsDouble(x[b] - d);
                    double d = goldenMax(pair, lo, hi);
                    if (pair.applyAsDouble(d) > before + 1e-12 * Math.max(1, Math.abs(before))) {
                        x[a] += d;
                        x[b] -= d;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    private static double goldenMax(DoubleUnaryOperator f, double lo, double hi) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double c = hi - ratio * (hi - lo);
        double d = lo + ratio * (hi - lo);
        for (int i = 0; i < 100 && hi - lo > 1e-9; i++) {
            if (f.applyAsDouble(c) > f.applyAsDouble(d)) {
                hi = d;
            } else {
                lo = c;
            }
            c = hi - ratio * (hi - lo);
            d = lo + ratio * (hi - lo);
        }
        double mid = (lo + hi) / 2;
        return f.applyAsDouble(mid) >= f.applyAsDouble(0) ? mid : 0;
    }
}
