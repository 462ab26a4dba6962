package io.mops.testing.statistics;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Sample ratio mismatch: a chi-square goodness-of-fit test of the exposures each variant actually received
 * against the shares it was meant to receive. A mismatch means assignment or exposure logging is broken (bots,
 * redirects, lost events), and every other figure of the experiment is suspect until it is explained.
 *
 * @param chiSquare the statistic; {@code null} when a variant meant to receive no traffic received some, where the
 *                  statistic is unbounded (JSON has no infinity) and the mismatch certain ({@code pValue} 0)
 * @param mismatch  {@code pValue < threshold}; the customary threshold is 0.001 because the check runs often
 */
public record SampleRatioCheck(Double chiSquare, int degreesOfFreedom, double pValue, double threshold,
                               boolean mismatch) {

    public static final double DEFAULT_THRESHOLD = 0.001;

    public static SampleRatioCheck of(long[] observed, double[] intendedShares) {
        return of(observed, intendedShares, DEFAULT_THRESHOLD);
    }

    public static SampleRatioCheck of(long[] observed, double[] intendedShares, double threshold) {
        if (observed.length != intendedShares.length) {
            throw new IllegalArgumentException("one intended share per observed count is needed");
        }
        long total = 0;
        double shareTotal = 0.0;
        for (int i = 0; i < observed.length; i++) {
            total += observed[i];
            shareTotal += intendedShares[i];
        }
        double chiSquare = 0.0;
        int cells = 0;
        boolean impossibleCount = false;
        for (int i = 0; i < observed.length; i++) {
            double expected = total * intendedShares[i] / shareTotal;
            if (expected > 0) {
                cells++;
                double gap = observed[i] - expected;
                chiSquare += gap * gap / expected;
            } else if (observed[i] > 0) {
                impossibleCount = true;
            }
        }
        int degreesOfFreedom = Math.max(cells - 1, 0);
        if (impossibleCount) {
            return new SampleRatioCheck(null, degreesOfFreedom, 0.0, threshold, true);
        }
        if (total == 0 || degreesOfFreedom == 0) {
            return new SampleRatioCheck(0.0, degreesOfFreedom, 1.0, threshold, false);
        }
        double pValue = ChiSquaredDistribution.of(degreesOfFreedom).survivalProbability(chiSquare);
        return new SampleRatioCheck(chiSquare, degreesOfFreedom, pValue, threshold, pValue < threshold);
    }
}
