package io.mops.attribution.performance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One channel's figures over a window under one model: what it was credited, what it spent, and the resulting
 * return on ad spend ({@code null} when nothing was spent). Two figures are the same when their amounts are equal
 * whatever their scale (12.5 and 12.5000).
 */
public record ChannelFigures(String channel, BigDecimal creditedConversions, BigDecimal creditedValue,
                             BigDecimal spend, BigDecimal roas) {

    public ChannelFigures {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(creditedConversions, "creditedConversions");
        Objects.requireNonNull(creditedValue, "creditedValue");
        Objects.requireNonNull(spend, "spend");
    }

    /** A channel that no longer appears in the window: no credit, no spend. */
    public static ChannelFigures nothing(String channel) {
        return new ChannelFigures(channel, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);
    }

    public boolean sameAs(ChannelFigures other) {
        return channel.equals(other.channel)
                && creditedConversions.compareTo(other.creditedConversions) == 0
                && creditedValue.compareTo(other.creditedValue) == 0
                && spend.compareTo(other.spend) == 0
                && (roas == null ? other.roas == null : other.roas != null && roas.compareTo(other.roas) == 0);
    }
}
