package io.mops.budget.activation;

/**
 * The platform ad that shows an experiment's variant (a row of {@code activation_variant}).
 *
 * @param accountId Google Ads: the customer id, digits only; Meta: the ad account ({@code act_…})
 * @param adGroupId Google Ads: the ad group the ad is in (an AdGroupAd is named {@code adGroupId~adId}); null for Meta
 */
public record AdTarget(Platform platform, String accountId, String adGroupId, String adId) {
}
