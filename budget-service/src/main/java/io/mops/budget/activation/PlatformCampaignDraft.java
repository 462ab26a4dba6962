package io.mops.budget.activation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where a budget campaign runs on one platform.
 *
 * @param accountId          Google Ads: the 10-digit customer id (dashes allowed: {@code 123-456-7890}); Meta: the ad
 *                           account, {@code act_<digits>}
 * @param platformCampaignId the platform's campaign id (digits)
 * @param campaignBudgetId   Google Ads only, and required there: the campaign's CampaignBudget id (digits)
 */
public record PlatformCampaignDraft(
        @NotBlank @Pattern(regexp = "\\d{3}-?\\d{3}-?\\d{4}|act_\\d{1,20}",
                message = "a Google Ads customer id (10 digits) or a Meta ad account (act_<digits>)") String accountId,
        @NotBlank @Pattern(regexp = "\\d{1,20}", message = "the platform's campaign id: digits") String platformCampaignId,
        @Pattern(regexp = "\\d{1,20}", message = "the campaign budget's id: digits") String campaignBudgetId) {
}
