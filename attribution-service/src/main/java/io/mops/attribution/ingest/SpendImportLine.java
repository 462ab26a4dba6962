package io.mops.attribution.ingest;

import io.mops.common.events.CampaignSpendReported;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One line of a spend import: the fields of {@link CampaignSpendReported} plus the event id. */
public record SpendImportLine(UUID eventId, UUID campaignId, LocalDate day, String channel, BigDecimal amount,
                              String currency) {

    CampaignSpendReported report() {
        return new CampaignSpendReported(campaignId, day, amount, currency, channel);
    }
}
