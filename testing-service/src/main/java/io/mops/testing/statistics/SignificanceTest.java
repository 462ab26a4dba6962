package io.mops.testing.statistics;

/**
 * A fixed-horizon test of a variant against the control.
 *
 * @param difference          variant minus control, in the metric's unit
 * @param statistic           z or t statistic
 * @param degreesOfFreedom    of the t distribution for Welch's test; infinite for a z test
 * @param pValue              two-sided
 * @param confidenceLow       lower end of the confidence interval of the difference
 * @param confidenceHigh      upper end
 * @param confidenceLevel     e.g. 0.95
 */
public record SignificanceTest(double difference, double statistic, double degreesOfFreedom, double pValue,
                               double confidenceLow, double confidenceHigh, double confidenceLevel) {
}
