package io.mops.budget.signal;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A channel's performance in one period as budget-service holds it: the highest revision received, the event that
 * carried it, and whether the response curves are fitted on this model and period kind.
 */
public record ChannelSignalView(UUID eventId, String channel, String model, PeriodKind periodKind,
                                LocalDate periodStart, LocalDate periodEnd, String zone, int revision,
                                BigDecimal creditedConversions, BigDecimal creditedValue, BigDecimal spend,
                                String currency, BigDecimal roas, boolean usedForCurves, Instant observedAt,
                                Instant receivedAt) {

    static ChannelSignalView of(ChannelSignal s, CurvesConfig curves) {
        return new ChannelSignalView(s.eventId, s.key.channel(), s.key.model(), s.key.periodKind(),
                s.key.periodStart(), s.periodEnd, s.zone, s.revision, s.creditedConversions, s.creditedValue, s.spend,
                s.key.currency(), s.roas, curves.fitsOn(s.key.model(), s.key.periodKind()), s.observedAt, s.receivedAt);
    }
}
