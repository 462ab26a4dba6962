package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The risk guard contained an anomaly on its own: froze the channel's autonomous moves, paused its campaigns'
 * spend or its experiments, or rolled back the last budget move that changed the channel (and froze it). Only a person
 * lifts it ({@link ContainmentLifted}).
 *
 * @param action      {@code FREEZE_CHANNEL}, {@code PAUSE_CAMPAIGN_SPEND}, {@code PAUSE_EXPERIMENT} (testing-service
 *                    pauses the channel's running experiments until the {@link ContainmentLifted}) or
 *                    {@code ROLL_BACK_LAST_MOVE} (budget-service rolled back the channel's last applied move and froze
 *                    the channel's autonomous moves)
 * @param campaignIds the campaigns whose spend was paused; empty for a freeze
 */
public record ContainmentApplied(
        @NotNull UUID anomalyId,
        @NotBlank @Size(max = 40) String detector,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank @Pattern(regexp = "FREEZE_CHANNEL|PAUSE_CAMPAIGN_SPEND|PAUSE_EXPERIMENT|ROLL_BACK_LAST_MOVE") String action,
        @NotNull List<UUID> campaignIds,
        @NotNull Instant appliedAt,
        @NotBlank String appliedBy) {

    public static final EventType<ContainmentApplied> TYPE =
            new EventType<>("ContainmentApplied", 1, Topics.BUDGET_EVENTS, ContainmentApplied.class);

    public String subject() {
        return "channel:" + channel;
    }
}
