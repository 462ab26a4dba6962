package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The ad-platform connectors must stop the campaign's spend now: the risk guard contained an anomaly on its channel.
 * They resume it on the {@link ContainmentLifted} of the same {@code anomalyId}.
 */
public record CampaignSpendPaused(
        @NotNull UUID campaignId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotNull UUID anomalyId,
        @NotBlank @Size(max = 2000) String reason) {

    public static final EventType<CampaignSpendPaused> TYPE =
            new EventType<>("CampaignSpendPaused", 1, Topics.BUDGET_EVENTS, CampaignSpendPaused.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
