package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one model credits to each channel (alphabetically) and, where the model works on single touchpoints and
 * campaigns are known, to each campaign. Credited conversions add up exactly to {@code totalConversions}, credited
 * value exactly to {@code totalConversionValue}.
 */
public record Attribution(String model, String currency, long totalConversions, BigDecimal totalConversionValue,
                          List<ChannelCredit> channels, List<CampaignCredit> campaigns) {

    public Attribution {
        channels = List.copyOf(channels);
        campaigns = List.copyOf(campaigns);
    }

    /** The credit of {@code channel}; zero for a channel the data never mentions. */
    public ChannelCredit creditOf(String channel) {
        return channels.stream().filter(c -> c.channel().equals(channel)).findFirst()
                .orElse(ChannelCredit.exact(channel, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    public BigDecimal creditedConversions() {
        return channels.stream().map(ChannelCredit::conversions).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal creditedValue() {
        return channels.stream().map(ChannelCredit::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
