package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The risk guard contained an anomaly on its own: froze the channel's autonomous moves, or paused its campaigns'
 * spend. Only a person lifts it ({@link ContainmentLifted}).
 *
 * @param action      {@code FREEZE_CHANNEL}, {@code PAUSE_CAMPAIGN_SPEND} or {@code PAUSE_EXPERIMENT} (testing-service
 *                    pauses the channel's running experiments until the {@link ContainmentLifted})
 * @param campaignIds the campaigns whose spend was paused; empty for a freeze
 */
public record ContainmentApplied(
        @NotNull UUID anomalyId,
        @NotBlank @Size(max = 40) String detector,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank @Pattern(regexp = "FREEZE_CHANNEL|PAUSE_CAMPAIGN_SPEND|PAUSE_EXPERIMENT") String action,
        @NotNull List<UUID> campaignIds,
        @NotNull Instant appliedAt,
        @NotBlank String appliedBy) {

    public static final EventType<ContainmentApplied> TYPE =
            new EventType<>("ContainmentApplied", 1, Topics.BUDGET_EVENTS, ContainmentApplied.class);

    public String subject() {
        return "channel:" + channel;
    }
}
