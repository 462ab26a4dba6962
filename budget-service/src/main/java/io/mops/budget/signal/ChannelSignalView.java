package io.mops.budget.signal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ChannelSignalView(UUID eventId, String channel, String model, LocalDate windowStart, LocalDate windowEnd,
                                BigDecimal creditedConversions, BigDecimal creditedValue, BigDecimal spend,
                                String currency, BigDecimal roas, Instant observedAt) {

    static ChannelSignalView of(ChannelSignal s) {
        return new ChannelSignalView(s.eventId, s.channel, s.model, s.windowStart, s.windowEnd, s.creditedConversions,
                s.creditedValue, s.spend, s.currency, s.roas, s.observedAt);
    }
}
