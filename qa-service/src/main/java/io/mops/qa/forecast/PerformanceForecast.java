package io.mops.qa.forecast;

import java.util.List;

/**
 * How a campaign is expected to do, from the past campaigns of its channel: click rate per exposure and conversion
 * rate per click, each the channel's empirical-Bayes prior ({@link ChannelPrior}) updated with the history of the
 * campaign's own audience. An audience never seen before gets the channel's prior as its forecast.
 *
 * @param channelCampaigns  the channel's past campaigns the priors were fitted to
 * @param audienceCampaigns of those, the ones that reached the same audience
 */
public record PerformanceForecast(String channel, String audience, int channelCampaigns, int audienceCampaigns,
                                  RateForecast clickRate, RateForecast conversionRate) {

    /** @param channelHistory past campaigns of {@code channel} (others are ignored) */
    public static PerformanceForecast of(String channel, String audience, List<PastCampaign> channelHistory) {
        List<PastCampaign> ofChannel = channelHistory.stream().filter(c -> c.channel().equals(channel)).toList();
        List<PastCampaign> ofAudience = ofChannel.stream().filter(c -> c.audience().equals(audience)).toList();
        BetaBelief clickPrior = ChannelPrior.fit(ofChannel.stream()
                .map(c -> new ChannelPrior.Observed(c.clicks(), c.exposures())).toList());
        BetaBelief conversionPrior = ChannelPrior.fit(ofChannel.stream()
                .map(c -> new ChannelPrior.Observed(c.conversions(), c.clicks())).toList());
        long exposures = ofAudience.stream().mapToLong(PastCampaign::exposures).sum();
        long clicks = ofAudience.stream().mapToLong(PastCampaign::clicks).sum();
        long conversions = ofAudience.stream().mapToLong(PastCampaign::conversions).sum();
        return new PerformanceForecast(channel, audience, ofChannel.size(), ofAudience.size(),
                RateForecast.of(clickPrior, ofAudience.size(), clicks, exposures),
                RateForecast.of(conversionPrior, ofAudience.size(), conversions, clicks));
    }
}
