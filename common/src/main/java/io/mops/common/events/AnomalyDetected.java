package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * budget-service's risk guard found an anomaly on a channel. Emitted once per anomaly, in the transaction that records
 * it and applies the containment the CoE chose for the detector ({@code action}).
 *
 * @param detector  {@code spend-runaway}, {@code tracking-breakage} or {@code performance-shift}
 * @param observed  the detector's measure as observed (spend, touchpoints, cost per conversion)
 * @param expected  what the channel's normal course expects of that measure
 * @param statistic the figure compared with the threshold: a ratio, a probability or a CUSUM sum
 * @param action    {@code ALERT_ONLY}, {@code FREEZE_CHANNEL} or {@code PAUSE_CAMPAIGN_SPEND}
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
