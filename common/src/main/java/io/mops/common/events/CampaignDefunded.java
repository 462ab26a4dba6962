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
 * budget-service took a campaign's budget back because QA's clearance of it was revoked (issue 15: funding follows
 * clearance both ways). The campaign's budget is 0 now and may spend nothing more; the amount taken back stays reserved
 * in its channel as the campaign's planned amount, which the next {@link CampaignCleared} funds again (a
 * {@link CampaignFunded}). Written in the transaction that applies the {@link CampaignClearanceRevoked}, once per
 * revocation.
 *
 * @param campaignId      budget-service's campaign
 * @param campaignKey     qa-service's campaign key the campaign carries
 * @param amount          the budget taken back (the campaign's budget before), in {@code currency}; now reserved
 * @param spent           what the campaign had spent by then, which stays spent
 * @param clearedByRunId  the QA run whose clearance ended
 * @param revokedByRunId  the later QA run that ended it
 * @param reason          qa-service's reason for the revocation
 */
public record CampaignDefunded(
        @NotNull UUID campaignId,
        @NotNull UUID planId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank @Size(max = 80) String campaignKey,
        @NotNull @DecimalMin("0") BigDecimal amount,
        @NotNull @DecimalMin("0") BigDecimal spent,
        @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull UUID clearedByRunId,
        @NotNull UUID revokedByRunId,
        @NotBlank @Size(max = 500) String reason,
        @NotNull Instant defundedAt) {

    public static final EventType<CampaignDefunded> TYPE =
            new EventType<>("CampaignDefunded", 1, Topics.BUDGET_EVENTS, CampaignDefunded.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
