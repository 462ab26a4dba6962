package io.mops.simulator.strategy;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The oracle is checked against an exhaustive search, which needs no cleverness to be right. */
class TrueOptimumTest {

    @Test
    void matchesExhaustiveSearchOnRandomMixedCurves() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261206L);
        for (int problem = 0; problem < 30; problem++) {
            double budget = 1_000 + 9_000 * rng.nextDouble();
            DoubleUnaryOperator[] g = new DoubleUnaryOperator[3];
            for (int c = 0; c < 3; c++) {
                double beta = 50 + 200 * rng.nextDouble();
                double k = budget * (0.1 + rng.nextDouble());
                double s = 0.5 + 3 * rng.nextDouble(); // concave and S-shaped alike
                g[c] = x -> x <= 0 ? 0 : beta / (1 + Math.pow(k / x, s));
            }
            double oracle = TrueOptimum.outcome(TrueOptimum.split(budget, g), g);
            double exhaustive = exhaustive(budget, g, 1_500);
            assertTrue(oracle >= exhaustive - 1e-9 * exhaustive,
                    "problem " + problem + ": oracle " + oracle + " below exhaustive search " + exhaustive);
        }
    }

    @Test
    void splitsTheWholeBudgetAndNothingElse() {
        DoubleUnaryOperator[] g = {x -> Math.log1p(x / 100), x -> 2 * Math.log1p(x / 300), x -> Math.min(0.001 * x, 1)};
        double[] x = TrueOptimum.split(5_000, g);
        assertEquals(5_000, x[0] + x[1] + x[2], 1e-6);
        for (double v : x) {
            assertTrue(v >= 0);
        }
    }

    @Test
    void aChannelThatDoesNothingGetsNothing() {
        DoubleUnaryOperator[] g = {x -> 0, x -> Math.log1p(x / 200), x -> Math.log1p(x / 400)};
        double[] x = TrueOptimum.split(3_000, g);
        assertEquals(0, x[0], 1e-9);
    }

    @Test
    void equalMarginalReturnsAtTheOptimumOfConcaveCurves() {
        // ln(1 + x/a) has marginal 1/(a + x): at the optimum a1 + x1 = a2 + x2, a closed form.
        DoubleUnaryOperator[] g = {x -> Math.log1p(x / 100), x -> Math.log1p(x / 500)};
        double[] x = TrueOptimum.split(2_000, g);
        assertEquals(1_200, x[0], 1e-3);
        assertEquals(800, x[1], 1e-3);
    }

    /** Every split on a fine two-dimensional grid, the third channel taking the rest. */
    private static double exhaustive(double budget, DoubleUnaryOperator[] g, int steps) {
        double best = Double.NEGATIVE_INFINITY;
        double h = budget / steps;
        for (int i = 0; i <= steps; i++) {
            for (int j = 0; i + j <= steps; j++) {
                double x0 = i * h;
                double x1 = j * h;
                double v = g[0].applyAsDouble(x0) + g[1].applyAsDouble(x1) + g[2].applyAsDouble(budget - x0 - x1);
                best = Math.max(best, v);
            }
        }
        return best;
    }
}
