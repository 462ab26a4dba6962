package io.mops.testing.statistics;

import java.util.List;

/**
 * Evenly spaced points covering every posterior of a comparison, fine enough for the narrowest of them.
 * Even indices are cell edges, odd indices cell midpoints (for Simpson's rule).
 *
 * @param points            the abscissae, edges and midpoints interleaved
 * @param logPoints         {@code ln x} at every point (for Beta densities; NaN outside (0, 1))
 * @param logOneMinusPoints {@code ln(1 - x)} at every point
 */
public record IntegrationGrid(double[] points, double[] logPoints, double[] logOneMinusPoints) {

    /**
     * The grid reaches this many standard deviations beyond each mean. The mass outside still counts (the
     * cumulative probabilities at the ends are exact); only its position within the tail is coarsened.
     */
    static final double REACH_IN_STANDARD_DEVIATIONS = 10.0;
    /** Cells per standard deviation of the narrowest posterior (each cell has an edge and a midpoint). */
    static final int CELLS_PER_STANDARD_DEVIATION = 8;
    /** Bounds memory and time when posteriors of very different widths meet (a large and a tiny variant). */
    static final int MAX_CELLS = 2048;

    public static IntegrationGrid covering(List<? extends Posterior> posteriors) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double narrowest = Double.POSITIVE_INFINITY;
        for (Posterior p : posteriors) {
            double reach = REACH_IN_STANDARD_DEVIATIONS * p.standardDeviation();
            low = Math.min(low, Math.max(p.supportLowerBound(), p.mean() - reach));
            high = Math.max(high, Math.min(p.supportUpperBound(), p.mean() + reach));
            narrowest = Math.min(narrowest, p.standardDeviation());
        }
        int cells = (int) Math.min(MAX_CELLS, Math.max(64, Math.ceil((high - low) / narrowest * CELLS_PER_STANDARD_DEVIATION)));
        int size = 2 * cells + 1;
        double[] points = new double[size];
        double[] logPoints = new double[size];
        double[] logOneMinus = new double[size];
        double step = (high - low) / (size - 1);
        for (int k = 0; k < size; k++) {
            double x = k == size - 1 ? high : low + k * step;
            points[k] = x;
            logPoints[k] = x > 0.0 ? Math.log(x) : Double.NaN;
            logOneMinus[k] = x < 1.0 ? Math.log1p(-x) : Double.NaN;
        }
        return new IntegrationGrid(points, logPoints, logOneMinus);
    }

    public int cells() {
        return (points.length - 1) / 2;
    }

    public double low() {
        return points[0];
    }

    public double high() {
        return points[points.length - 1];
    }
}
