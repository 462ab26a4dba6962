package io.mops.common.events;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * budget-service released a campaign's planned budget because QA cleared the campaign for launch (issue 15's launch
 * chain: cleared → funded). Written in the transaction that applies the {@link CampaignCleared}, once per campaign
 * and planned amount.
 *
 * @param campaignId  budget-service's campaign
 * @param campaignKey qa-service's campaign key the campaign carries
 * @param amount      the campaign's budget now (the planned amount), in {@code currency}
 * @param qaRunId     the QA run whose clearance released it
 * @param approvalId  the approval request that granted that run; null for a run that passed by itself
 */
public record CampaignFunded(
        @NotNull UUID campaignId,
        @NotNull UUID planId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank @Size(max = 80) String campaignKey,
        @NotNull @DecimalMin("0") BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull UUID qaRunId,
        UUID approvalId,
        @NotNull Instant fundedAt) {

    public static final EventType<CampaignFunded> TYPE =
            new EventType<>("CampaignFunded", 1, Topics.BUDGET_EVENTS, CampaignFunded.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
