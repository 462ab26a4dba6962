package io.mops.attribution.credit;

import io.mops.attribution.ingest.StoredConversion;
import io.mops.attribution.ingest.StoredSpend;
import io.mops.attribution.ingest.StoredTouchpoint;
import io.mops.attribution.journey.BuiltJourneys;
import io.mops.attribution.journey.JourneyBuilder;
import io.mops.attribution.journey.JourneyWindow;
import io.mops.attribution.journey.ObservedConversion;
import io.mops.attribution.journey.ObservedTouchpoint;
import io.mops.attribution.model.Attribution;
import io.mops.attribution.model.AttributionInputException;
import io.mops.attribution.model.AttributionModel;
import io.mops.common.problem.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Credits the stored journeys whose conversions fall in a window of days (UTC, both ends included). The window's
 * touchpoints and conversions are read into memory, which bounds the window a single request can cover.
 */
@ApplicationScoped
public class WindowCreditService {

    static final int MAX_WINDOW_DAYS = 366;

    public Uni<WindowCredit> credit(LocalDate from, LocalDate to, int lookbackDays, String currency,
                                    List<AttributionModel> models) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (from.plusDays(MAX_WINDOW_DAYS).isBefore(to.plusDays(1))) {
            throw new InvalidRequestException("to", "a window covers at most " + MAX_WINDOW_DAYS + " days");
        }
        JourneyWindow window = new JourneyWindow(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), Duration.ofDays(lookbackDays));
        return Panache.withSession(() -> StoredTouchpoint
                        .<StoredTouchpoint>list("occurredAt >= ?1 and occurredAt < ?2", window.earliestTouchpoint(), window.to())
                        .flatMap(touchpoints -> StoredConversion.<StoredConversion>list(
                                        "occurredAt >= ?1 and occurredAt < ?2 and currency = ?3",
                                        window.earliestTouchpoint(), window.to(), currency)
                                .flatMap(conversions -> StoredSpend.perChannel(from, to, currency)
                                        .map(spend -> new Stored(touchpoints, conversions, spend)))))
                // Building journeys and running the models is CPU work: off the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(stored -> credit(from, to, lookbackDays, JourneyBuilder.build(
                        stored.touchpoints().stream().map(t -> new ObservedTouchpoint(t.userId, t.anonymousId,
                                t.occurredAt, t.channel, t.campaign)).toList(),
                        stored.conversions().stream().map(c -> new ObservedConversion(c.userId, c.anonymousId,
                                c.occurredAt, c.value)).toList(),
                        window, currency), stored.spend(), models));
    }

    private record Stored(List<StoredTouchpoint> touchpoints, List<StoredConversion> conversions,
                          Map<String, BigDecimal> spend) {
    }

    private static WindowCredit credit(LocalDate from, LocalDate to, int lookbackDays, BuiltJourneys built,
                                       Map<String, BigDecimal> spend, List<AttributionModel> models) {
        List<Attribution> attributions = new ArrayList<>();
        for (AttributionModel model : models) {
            try {
                attributions.add(model.credit(built.journeys()));
            } catch (AttributionInputException e) {
                throw new InvalidRequestException("model", model.name() + ": " + e.getMessage());
            }
        }
        return WindowCredit.of(from, to, lookbackDays, built.journeys(), built.unattributedConversions(),
                built.unattributedValue(), attributions, spend);
    }
}
