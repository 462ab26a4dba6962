package io.mops.testing.statistics;

/**
 * A fixed-horizon test of a variant against the control.
 *
 * @param difference          variant minus control, in the metric's unit
 * @param statistic           z or t statistic
 * @param degreesOfFreedom    of the t distribution for Welch's test; {@code null} for a z test (whose
 *                            reference distribution is the standard Normal) and for a test without spread
 * @param pValue              two-sided
 * @param confidenceLow       lower end of the confidence interval of the difference
 * @param confidenceHigh      upper end
 * @param confidenceLevel     e.g. 0.95
 */
public record SignificanceTest(double difference, double statistic, Double degreesOfFreedom, double pValue,
                               double confidenceLow, double confidenceHigh, double confidenceLevel) {
}
