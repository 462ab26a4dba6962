package io.mops.attribution.ingest;

import io.mops.common.events.ConversionObserved;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One line of a conversion import: the fields of {@link ConversionObserved} plus the event id. */
public record ConversionImportLine(UUID eventId, String userId, String anonymousId, Instant occurredAt,
                                   BigDecimal value, String currency) {

    ConversionObserved conversion() {
        return new ConversionObserved(userId, anonymousId, occurredAt, value, currency);
    }
}
