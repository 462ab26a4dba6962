package io.mops.qa.forecast;

/**
 * The outcome of a campaign that ran: how many people it reached, how many clicked and how many of those converted.
 *
 * @param audience    the audience key (see {@link AudienceKey}); campaigns with equal keys reached the same audience
 * @param exposures   deliveries (emails delivered, texts sent) or impressions (ads)
 * @param clicks      at most {@code exposures}
 * @param conversions at most {@code clicks}
 */
public record PastCampaign(String campaignId, String channel, String audience, long exposures, long clicks,
                           long conversions) {

    public PastCampaign {
        if (exposures < 0 || clicks < 0 || conversions < 0 || clicks > exposures || conversions > clicks) {
            throw new IllegalArgumentException("campaign " + campaignId + ": need 0 <= conversions <= clicks <= "
                    + "exposures, got " + conversions + ", " + clicks + ", " + exposures);
        }
    }
}
