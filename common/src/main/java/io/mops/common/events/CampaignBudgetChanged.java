package io.mops.common.events;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A person changed a campaign's budget ({@code PUT /budget/campaigns/{id}/budget}). Written in the transaction that
 * changes it, so that the ad-platform connectors set the platform campaign's budget to match.
 *
 * @param amount    the campaign's budget for its plan's period now, in {@code currency}
 * @param changedBy the token's user who changed it
 */
public record CampaignBudgetChanged(
        @NotNull UUID campaignId,
        @NotNull UUID planId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotNull @DecimalMin("0") BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotBlank String changedBy,
        @NotNull Instant changedAt) {

    public static final EventType<CampaignBudgetChanged> TYPE =
            new EventType<>("CampaignBudgetChanged", 1, Topics.BUDGET_EVENTS, CampaignBudgetChanged.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
