package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Collects raw (unrounded) credit per channel and per campaign, then rounds it into an {@link Attribution}. */
final class CreditLedger {

    private record CampaignKey(String channel, String campaign) implements Comparable<CampaignKey> {
        @Override
        public int compareTo(CampaignKey other) {
            int byChannel = channel.compareTo(other.channel);
            return byChannel != 0 ? byChannel : campaign.compareTo(other.campaign);
        }
    }

    private final Map<String, double[]> channels = new TreeMap<>();
    private final Map<CampaignKey, double[]> campaigns = new TreeMap<>();

    void credit(String channel, double conversions, double value) {
        double[] credit = channels.computeIfAbsent(channel, c -> new double[2]);
        credit[0] += conversions;
        credit[1] += value;
    }

    void credit(Touchpoint touch, double conversions, double value) {
        credit(touch.channel(), conversions, value);
        double[] credit = campaigns.computeIfAbsent(new CampaignKey(touch.channel(), touch.campaign().orElse("")),
                k -> new double[2]);
        credit[0] += conversions;
        credit[1] += value;
    }

    Attribution toAttribution(String model, PathSet paths) {
        return toAttribution(model, paths.currency(), paths.totalConversions(), paths.totalConversionValue());
    }

    Attribution toAttribution(String model, String currency, long totalConversions, BigDecimal totalValue) {
        List<String> channelNames = new ArrayList<>(channels.keySet());
        BigDecimal[][] channelParts = apportion(new ArrayList<>(channels.values()), totalConversions, totalValue);
        List<ChannelCredit> channelCredits = new ArrayList<>();
        for (int i = 0; i < channelNames.size(); i++) {
            channelCredits.add(ChannelCredit.exact(channelNames.get(i), channelParts[0][i], channelParts[1][i]));
        }
        List<CampaignKey> campaignKeys = new ArrayList<>(campaigns.keySet());
        BigDecimal[][] campaignParts = apportion(new ArrayList<>(campaigns.values()), totalConversions, totalValue);
        List<CampaignCredit> campaignCredits = new ArrayList<>();
        for (int i = 0; i < campaignKeys.size(); i++) {
            CampaignKey key = campaignKeys.get(i);
            campaignCredits.add(new CampaignCredit(key.channel(),
                    key.campaign().isEmpty() ? Optional.empty() : Optional.of(key.campaign()),
                    campaignParts[0][i], campaignParts[1][i]));
        }
        return new Attribution(model, currency, totalConversions, totalValue, channelCredits, campaignCredits);
    }

    private static BigDecimal[][] apportion(List<double[]> raw, long totalConversions, BigDecimal totalValue) {
        if (raw.isEmpty()) {
            return new BigDecimal[][]{new BigDecimal[0], new BigDecimal[0]};
        }
        double[] conversions = raw.stream().mapToDouble(c -> c[0]).toArray();
        double[] value = raw.stream().mapToDouble(c -> c[1]).toArray();
        return new BigDecimal[][]{
                Apportionment.apportion(BigDecimal.valueOf(totalConversions), conversions),
                Apportionment.apportion(totalValue, value)};
    }
}
