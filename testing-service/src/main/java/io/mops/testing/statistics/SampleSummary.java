package io.mops.testing.statistics;

/**
 * Count, mean and (sample, n - 1) standard deviation of a continuous metric's per-unit values.
 *
 * @param units the number of units; after weighting by allocation period ({@link PeriodWeights}) the effective
 *              number, which need not be whole
 */
public record SampleSummary(double units, double mean, double standardDeviation) {

    public SampleSummary {
        if (!(units >= 0) || Double.isInfinite(units) || !Double.isFinite(mean) || !(standardDeviation >= 0)
                || Double.isInfinite(standardDeviation)) {
            throw new IllegalArgumentException("invalid sample summary: n=" + units + ", mean=" + mean
                    + ", sd=" + standardDeviation);
        }
    }

    /** From running sums, as the database aggregates them. */
    public static SampleSummary ofSums(long units, double sum, double sumOfSquares) {
        if (units == 0) {
            return new SampleSummary(0, 0.0, 0.0);
        }
        double mean = sum / units;
        double variance = units > 1 ? Math.max(0.0, (sumOfSquares - units * mean * mean) / (units - 1)) : 0.0;
        return new SampleSummary(units, mean, Math.sqrt(variance));
    }

    public double varianceOfMean() {
        return standardDeviation * standardDeviation / units;
    }
}
