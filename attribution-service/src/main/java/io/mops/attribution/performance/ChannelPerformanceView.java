package io.mops.attribution.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record ChannelPerformanceView(UUID id, String channel, String model, LocalDate windowStart, LocalDate windowEnd,
                                     BigDecimal creditedConversions, BigDecimal creditedValue, BigDecimal spend,
                                     String currency, BigDecimal roas, Instant recordedAt, UUID eventId) {

    static ChannelPerformanceView of(ChannelPerformance p, UUID eventId) {
        return new ChannelPerformanceView(p.id, p.channel, p.model, p.windowStart, p.windowEnd, p.creditedConversions,
                p.creditedValue, p.spend, p.currency, p.roas, p.recordedAt, eventId);
    }
}
