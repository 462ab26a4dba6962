package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One publication of a channel's performance in a period, with the id of the event that announced it. */
public record ChannelPerformanceView(UUID id, UUID eventId, String channel, String model, PeriodKind periodKind,
                                     LocalDate periodStart, LocalDate periodEnd, String zone, int revision,
                                     BigDecimal creditedConversions, BigDecimal creditedValue, BigDecimal spend,
                                     String currency, BigDecimal roas, boolean recordedByHand, Instant recordedAt) {

    static ChannelPerformanceView of(ChannelPerformance p) {
        return new ChannelPerformanceView(p.id, p.eventId, p.channel, p.model, p.periodKind, p.periodStart,
                p.periodEnd, p.zone, p.revision, p.creditedConversions, p.creditedValue, p.spend, p.currency, p.roas,
                p.recordedByHand, p.recordedAt);
    }
}
