package io.mops.testing.statistics;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Welch's unequal-variances t test for a continuous metric, with the Welch–Satterthwaite degrees of freedom and
 * the matching confidence interval of the difference in means.
 */
public final class WelchTest {

    private WelchTest() {
    }

    public static SignificanceTest compare(SampleSummary control, SampleSummary variant, double confidenceLevel) {
        if (!(control.units() > 1) || !(variant.units() > 1)) {
            throw new IllegalArgumentException("Welch's test needs more than one unit per arm");
        }
        double controlVariance = control.varianceOfMean();
        double variantVariance = variant.varianceOfMean();
        double standardError = Math.sqrt(controlVariance + variantVariance);
        double difference = variant.mean() - control.mean();
        if (standardError == 0.0) {
            return new SignificanceTest(difference, 0.0, null, difference == 0.0 ? 1.0 : 0.0,
                    difference, difference, confidenceLevel);
        }
        double degreesOfFreedom = square(controlVariance + variantVariance)
                / (square(controlVariance) / (control.units() - 1) + square(variantVariance) / (variant.units() - 1));
        TDistribution t = TDistribution.of(degreesOfFreedom);
        double statistic = difference / standardError;
        double pValue = 2 * t.survivalProbability(Math.abs(statistic));
        double critical = t.inverseSurvivalProbability((1 - confidenceLevel) / 2);
        return new SignificanceTest(difference, statistic, degreesOfFreedom, pValue,
                difference - critical * standardError, difference + critical * standardError, confidenceLevel);
    }

    private static double square(double x) {
        return x * x;
    }
}
