package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A detector found an anomaly on a channel. budget-service's risk guard emits it once per anomaly, in the transaction
 * that records it and applies the containment the CoE chose for the detector ({@code action}); attribution-service's
 * data-quality detectors emit it once per detector, channel and window ({@code action} {@code ALERT_ONLY}), and
 * budget-service contains those.
 *
 * @param detector  {@code spend-runaway}, {@code tracking-breakage}, {@code performance-shift},
 *                  {@code uncleared-spend}; from attribution-service {@code duplicate-events}, {@code event-timing},
 *                  {@code off-taxonomy}
 * @param observed  the detector's measure as observed (spend, touchpoints, cost per conversion)
 * @param expected  what the channel's normal course expects of that measure
 * @param statistic the figure compared with the threshold: a ratio, a probability or a CUSUM sum
 * @param action    {@code ALERT_ONLY}, {@code FREEZE_CHANNEL}, {@code PAUSE_CAMPAIGN_SPEND},
 *                  {@code PAUSE_EXPERIMENT} or {@code ROLL_BACK_LAST_MOVE}
 */
public record AnomalyDetected(
        @NotNull UUID anomalyId,
        @NotBlank @Size(max = 40) String detector,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotNull Instant detectedAt,
        double observed,
        double expected,
        double statistic,
        @NotBlank @Size(max = 2000) String evidence,
        @NotBlank @Size(max = 40) String action) {

    public static final EventType<AnomalyDetected> TYPE =
            new EventType<>("AnomalyDetected", 1, Topics.BUDGET_EVENTS, AnomalyDetected.class);

    public String subject() {
        return "channel:" + channel;
    }
}
