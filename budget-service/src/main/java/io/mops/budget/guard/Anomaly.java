package io.mops.budget.guard;

import java.time.Instant;

/**
 * A detector's finding on one channel: what was observed against what was expected, and how unlikely that is.
 *
 * @param observed  the detector's measure as observed (spend, touchpoints, standardised CUSUM statistic)
 * @param expected  what the normal course of the channel expects of that measure
 * @param statistic the figure compared with the threshold: a ratio, a probability or a CUSUM sum
 * @param evidence  one sentence a person reads
 */
public record Anomaly(Detector detector, String channel, Instant detectedAt, double observed, double expected,
                      double statistic, String evidence) {
}
