package io.mops.testing.statistics;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The two-proportion z test for conversion rates: the statistic uses the pooled rate (the null hypothesis says
 * both rates are equal), the confidence interval of the difference the unpooled standard error (Wald).
 */
public final class TwoProportionTest {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private TwoProportionTest() {
    }

    /**
     * Counts may be effective (period-weighted, {@link PeriodWeights}) counts, hence doubles; with a single
     * allocation period they are the plain counts.
     */
    public static SignificanceTest compare(double controlConversions, double controlExposures,
                                           double variantConversions, double variantExposures, double confidenceLevel) {
        requireCounts(controlConversions, controlExposures, "control");
        requireCounts(variantConversions, variantExposures, "variant");
        double controlRate = controlConversions / controlExposures;
        double variantRate = variantConversions / variantExposures;
        double difference = variantRate - controlRate;
        double pooled = (controlConversions + variantConversions) / (controlExposures + variantExposures);
        double pooledError = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlExposures + 1.0 / variantExposures));
        double z = pooledError > 0 ? difference / pooledError : 0.0;
        double pValue = pooledError > 0 ? 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)) : 1.0;
        double unpooledError = Math.sqrt(controlRate * (1 - controlRate) / controlExposures
                + variantRate * (1 - variantRate) / variantExposures);
        double critical = STANDARD_NORMAL.inverseSurvivalProbability((1 - confidenceLevel) / 2);
        return new SignificanceTest(difference, z, null, pValue,
                difference - critical * unpooledError, difference + critical * unpooledError, confidenceLevel);
    }

    private static void requireCounts(double conversions, double exposures, String arm) {
        if (!(exposures > 0) || !(conversions >= 0) || conversions > exposures * (1 + 1e-12)) {
            throw new IllegalArgumentException(arm + " needs exposures > 0 and 0 <= conversions <= exposures, got "
                    + conversions + " of " + exposures);
        }
    }
}
