package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person resolved the anomaly and lifted its containment: the channel's autonomous moves are free again (unless
 * another open anomaly still freezes it), and connectors may resume the campaigns listed.
 *
 * @param campaignIds the campaigns whose spend was paused and may resume; empty for a freeze
 * @param liftedBy    the person who resolved the anomaly
 */
public record ContainmentLifted(
        @NotNull UUID anomalyId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank @Pattern(regexp = "FREEZE_CHANNEL|PAUSE_CAMPAIGN_SPEND|PAUSE_EXPERIMENT|ROLL_BACK_LAST_MOVE") String action,
        @NotNull List<UUID> campaignIds,
        @NotBlank String liftedBy,
        @NotNull Instant liftedAt,
        @Size(max = 2000) String comment) {

    public static final EventType<ContainmentLifted> TYPE =
            new EventType<>("ContainmentLifted", 1, Topics.BUDGET_EVENTS, ContainmentLifted.class);

    public String subject() {
        return "channel:" + channel;
    }
}
