package io.mops.budget.activation;

/**
 * The platform campaign a budget campaign is on (a row of {@code activation_campaign}).
 *
 * @param accountId        Google Ads: the customer id, digits only; Meta: the ad account ({@code act_…})
 * @param campaignBudgetId Google Ads: the campaign's CampaignBudget id, which a budget change mutates; null for Meta
 */
public record PlatformTarget(Platform platform, String accountId, String platformCampaignId, String campaignBudgetId) {
}
