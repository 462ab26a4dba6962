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
 * @param margin    how many times beyond the detector's alarm line the finding lies, 1 being on it ({@link Severity});
 *                  {@code NaN} when the detector has no line
 */
public record Anomaly(Detector detector, String channel, Instant detectedAt, double observed, double expected,
                      double statistic, String evidence, List<UUID> campaigns, double margin) {

    /** A finding on the channel as a whole. */
    public Anomaly(Detector detector, String channel, Instant detectedAt, double observed, double expected,
                   double statistic, String evidence, double margin) {
        this(detector, channel, detectedAt, observed, expected, statistic, evidence, List.of(), margin);
    }
}
