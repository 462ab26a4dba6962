package io.mops.budget.guard;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A detector's finding on one channel: what was observed against what was expected, and how unlikely that is.
 *
 * @param observed  the detector's measure as observed (spend, touchpoints, standardised CUSUM statistic)
 * @param expected  what the normal course of the channel expects of that measure
 * @param statistic the figure compared with the threshold: a ratio, a probability or a CUSUM sum
 * @param evidence  one sentence a person reads
 * @param campaigns the campaigns the finding is about, when it is about some of the channel's campaigns only
 */
public record Anomaly(Detector detector, String channel, Instant detectedAt, double observed, double expected,
                      double statistic, String evidence, List<UUID> campaigns) {

    /** A finding on the channel as a whole. */
    public Anomaly(Detector detector, String channel, Instant detectedAt, double observed, double expected,
                   double statistic, String evidence) {
        this(detector, channel, detectedAt, observed, expected, statistic, evidence, List.of());
    }
}
