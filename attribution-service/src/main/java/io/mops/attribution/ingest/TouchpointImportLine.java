package io.mops.attribution.ingest;

import io.mops.common.events.TouchpointObserved;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a touchpoint import (a JSON line or a CSV row): the fields of {@link TouchpointObserved} plus the
 * event id that makes a re-import harmless.
 */
public record TouchpointImportLine(UUID eventId, String userId, String anonymousId, Instant occurredAt, String channel,
                                   String campaign, String interaction, BigDecimal cost, String currency,
                                   String clickId) {

    TouchpointObserved touchpoint() {
        return new TouchpointObserved(userId, anonymousId, occurredAt, channel, campaign, interaction, cost, currency,
                clickId);
    }
}
