package io.mops.qa.forecast;

import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * How the campaign about to launch is expected to do, from the past campaigns of its channel: its click rate per
 * exposure and its conversion rate per click, each the predictive distribution of the rate this one campaign will
 * report ({@link RateForecast}) under the channel's hierarchical model ({@link ChannelRateModel}).
 *
 * <p>The click rate is forecast for the planned exposures; the conversion rate for the clicks those exposures are
 * expected to bring (planned exposures × expected click rate). The spread of that click count itself is left out
 * of the conversion forecast: it changes the binomial noise of the conversion rate only slightly.
 *
 * @param channelCampaigns   the channel's past campaigns the models were fitted to
 * @param audienceCampaigns  of those, the ones that reached the same audience
 * @param plannedExposures   the exposures the forecast is for
 * @param plannedFromHistory true when the submission gave no size and the forecast took the median exposures of
 *                           the audience's past campaigns (or the channel's, for an audience never seen)
 * @param clickRate          empty when no past campaign of the channel had a click (or every exposure clicked)
 * @param conversionRate     empty when no click of the channel's past campaigns converted (or every one did), or
 *                           when there is no click rate forecast to expect clicks from
 */
public record PerformanceForecast(String channel, String audience, int channelCampaigns, int audienceCampaigns,
                                  long plannedExposures, boolean plannedFromHistory,
                                  Optional<RateForecast> clickRate, Optional<RateForecast> conversionRate) {

    /**
     * @param plannedExposures the campaign's planned exposures (impressions to buy, emails to deliver), or null to
     *                         take the median of past campaigns
     * @param channelHistory   past campaigns of {@code channel} (others are ignored)
     */
    public static PerformanceForecast of(String channel, String audience, Long plannedExposures,
                                         List<PastCampaign> channelHistory) {
        List<PastCampaign> ofChannel = channelHistory.stream().filter(c -> c.channel().equals(channel)).toList();
        List<PastCampaign> ofAudience = ofChannel.stream().filter(c -> c.audience().equals(audience)).toList();
        boolean fromHistory = plannedExposures == null || plannedExposures < 1;
        long exposures = fromHistory
                ? medianExposures(ofAudience.isEmpty() ? ofChannel : ofAudience)
                : plannedExposures;
        Optional<RateForecast> clicks = ChannelRateModel.fit(rates(ofChannel, PastCampaign::clicks,
                        PastCampaign::exposures))
                .map(model -> RateForecast.of(model.nextCampaign(audience), exposures));
        long expectedClicks = clicks.map(f -> Math.max(1, Math.round(exposures * f.rate()))).orElse(1L);
        Optional<RateForecast> conversions = clicks.flatMap(ignored -> ChannelRateModel.fit(rates(ofChannel,
                        PastCampaign::conversions, PastCampaign::clicks)))
                .map(model -> RateForecast.of(model.nextCampaign(audience), expectedClicks));
        return new PerformanceForecast(channel, audience, ofChannel.size(), ofAudience.size(), exposures,
                fromHistory, clicks, conversions);
    }

    private static List<ChannelRateModel.Campaign> rates(List<PastCampaign> campaigns,
                                                         ToLongFunction<PastCampaign> successes,
                                                         ToLongFunction<PastCampaign> trials) {
        return campaigns.stream().map(c -> new ChannelRateModel.Campaign(c.audience(), successes.applyAsLong(c),
                trials.applyAsLong(c))).toList();
    }

    /** The middle size of the campaigns (the lower middle of an even count), at least 1. */
    private static long medianExposures(List<PastCampaign> campaigns) {
        long[] sizes = campaigns.stream().mapToLong(PastCampaign::exposures).sorted().toArray();
        return sizes.length == 0 ? 1 : Math.max(1, sizes[(sizes.length - 1) / 2]);
    }
}
