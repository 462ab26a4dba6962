package io.mops.testing.statistics;

import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares any number of variants' posteriors at once by numerical integration on one shared grid
 * ({@link IntegrationGrid}); no sampling, so the figures are reproducible and cheap enough for 500 variants.
 * <ul>
 *   <li>every posterior's cumulative distribution {@code F} is built on the grid from its densities (Simpson's rule
 *   per cell, a three-point rule for the midpoints), scaled to the library's exact probability between the ends;</li>
 *   <li>chance to be best: {@code P(i best) = integral of prod_{j != i} F_j dF_i};</li>
 *   <li>expected loss: {@code E[max_j X_j] - E[X_i]}, with {@code E[max] = low + integral (1 - prod_j F_j)};</li>
 *   <li>chance to beat control: {@code integral F_control dF_i};</li>
 *   <li>relative uplift interval: log-normal (delta method) approximation of {@code X_i / X_control}.</li>
 * </ul>
 * The integration error is below 1e-3 in probability (see the tests against closed forms and quadrature).
 */
public final class BayesianComparison {

    public static final double DEFAULT_CREDIBLE_LEVEL = 0.95;

    /** Products below e^-60 are zero for every figure reported. */
    private static final double NEGLIGIBLE_LOG = -60.0;

    private BayesianComparison() {
    }

    public static List<BayesianVerdict> compare(List<? extends Posterior> variants, int controlIndex) {
        return compare(variants, controlIndex, DEFAULT_CREDIBLE_LEVEL);
    }

    public static List<BayesianVerdict> compare(List<? extends Posterior> variants, int controlIndex,
                                                double credibleLevel) {
        if (variants.isEmpty()) {
            return List.of();
        }
        if (controlIndex < 0 || controlIndex >= variants.size()) {
            throw new IllegalArgumentException("control index " + controlIndex + " outside 0.." + (variants.size() - 1));
        }
        IntegrationGrid grid = IntegrationGrid.covering(variants);
        int arms = variants.size();
        int points = grid.points().length;
        double[][] cdf = new double[arms][];
        double[][] logCdf = new double[arms][points];
        for (int i = 0; i < arms; i++) {
            cdf[i] = cumulativeOnGrid(variants.get(i), grid);
        }

        // prod_j F_j at every point, kept as a log-sum plus a count of exact zeros so that one arm can be divided out.
        double[] logSum = new double[points];
        int[] zeros = new int[points];
        for (int i = 0; i < arms; i++) {
            double[] f = cdf[i];
            double[] logF = logCdf[i];
            for (int k = 0; k < points; k++) {
                if (f[k] <= 0.0) {
                    zeros[k]++;
                    logF[k] = Double.NEGATIVE_INFINITY;
                } else {
                    logF[k] = Math.log(f[k]);
                    logSum[k] += logF[k];
                }
            }
        }

        double[] best = new double[arms];
        double totalBest = 0.0;
        for (int i = 0; i < arms; i++) {
            double[] own = cdf[i];
            double[] ownLog = logCdf[i];
            double previous = othersProduct(ownLog[0], logSum[0], zeros[0]);
            double sum = own[0] * previous;
            for (int k = 1; k < points; k++) {
                double next = othersProduct(ownLog[k], logSum[k], zeros[k]);
                sum += (own[k] - own[k - 1]) * 0.5 * (previous + next);
                previous = next;
            }
            sum += (1.0 - own[points - 1]) * previous;
            best[i] = sum;
            totalBest += sum;
        }

        double step = (grid.high() - grid.low()) / (points - 1);
        double expectedMaximum = grid.low();
        double previousAll = allProduct(logSum[0], zeros[0]);
        for (int k = 1; k < points; k++) {
            double nextAll = allProduct(logSum[k], zeros[k]);
            expectedMaximum += step * (1.0 - 0.5 * (previousAll + nextAll));
            previousAll = nextAll;
        }

        Posterior control = variants.get(controlIndex);
        double[] controlCdf = cdf[controlIndex];
        List<BayesianVerdict> verdicts = new ArrayList<>(arms);
        for (int i = 0; i < arms; i++) {
            Posterior posterior = variants.get(i);
            double chanceToBeBest = totalBest > 0 ? best[i] / totalBest : 1.0 / arms;
            double expectedLoss = Math.max(0.0, expectedMaximum - posterior.mean());
            if (i == controlIndex) {
                verdicts.add(new BayesianVerdict(chanceToBeBest, expectedLoss, null, null,
                        posterior.credibleInterval(credibleLevel)));
                continue;
            }
            double[] own = cdf[i];
            double beat = own[0] * controlCdf[0];
            for (int k = 1; k < points; k++) {
                beat += (own[k] - own[k - 1]) * 0.5 * (controlCdf[k - 1] + controlCdf[k]);
            }
            beat += (1.0 - own[points - 1]) * controlCdf[points - 1];
            verdicts.add(new BayesianVerdict(chanceToBeBest, expectedLoss, clamp(beat),
                    relativeUplift(posterior, control, credibleLevel), posterior.credibleInterval(credibleLevel)));
        }
        return verdicts;
    }

    /**
     * {@code X / X_control - 1} with {@code ln X ~ Normal(ln mean, sd / mean)} for each side (delta method); good
     * when each posterior is narrow relative to its mean, which is the regime in which uplifts are worth reading.
     */
    static UpliftInterval relativeUplift(Posterior variant, Posterior control, double level) {
        if (!(control.mean() > 0.0) || !(variant.mean() > 0.0)) {
            return null;
        }
        double logRatio = Math.log(variant.mean()) - Math.log(control.mean());
        double relativeVariance = square(variant.standardDeviation() / variant.mean())
                + square(control.standardDeviation() / control.mean());
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.5 + level / 2.0);
        double spread = z * Math.sqrt(relativeVariance);
        return new UpliftInterval(Math.expm1(logRatio - spread), Math.expm1(logRatio), Math.expm1(logRatio + spread),
                level);
    }

    /** The posterior's cumulative probability at every grid point (edges and midpoints). */
    private static double[] cumulativeOnGrid(Posterior posterior, IntegrationGrid grid) {
        double[] density = posterior.densitiesOn(grid);
        int cells = grid.cells();
        double step = (grid.high() - grid.low()) / (2.0 * cells);
        double start = posterior.cumulativeProbability(grid.low());
        double end = posterior.cumulativeProbability(grid.high());
        double[] cellMass = new double[cells];
        double[] firstHalfMass = new double[cells];
        double total = 0.0;
        for (int c = 0; c < cells; c++) {
            int k = 2 * c;
            cellMass[c] = step / 3.0 * (density[k] + 4.0 * density[k + 1] + density[k + 2]);
            firstHalfMass[c] = step / 12.0 * (5.0 * density[k] + 8.0 * density[k + 1] - density[k + 2]);
            total += cellMass[c];
        }
        // Anchoring to the exact mass inside the grid removes the quadrature's small global bias.
        double scale = total > 0.0 ? (end - start) / total : 0.0;
        double[] cdf = new double[2 * cells + 1];
        cdf[0] = start;
        for (int c = 0; c < cells; c++) {
            int k = 2 * c;
            double cellEnd = Math.min(1.0, cdf[k] + cellMass[c] * scale);
            cdf[k + 1] = Math.min(cellEnd, cdf[k] + Math.max(0.0, firstHalfMass[c] * scale));
            cdf[k + 2] = cellEnd;
        }
        return cdf;
    }

    private static double othersProduct(double ownLog, double logSum, int zeros) {
        if (ownLog == Double.NEGATIVE_INFINITY) {
            return zeros > 1 ? 0.0 : exp(logSum);
        }
        return zeros > 0 ? 0.0 : exp(logSum - ownLog);
    }

    private static double allProduct(double logSum, int zeros) {
        return zeros > 0 ? 0.0 : exp(logSum);
    }

    private static double exp(double log) {
        return log < NEGLIGIBLE_LOG ? 0.0 : Math.exp(log);
    }

    private static double clamp(double probability) {
        return Math.max(0.0, Math.min(1.0, probability));
    }

    private static double square(double x) {
        return x * x;
    }
}
