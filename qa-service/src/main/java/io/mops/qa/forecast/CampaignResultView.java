package io.mops.qa.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record CampaignResultView(UUID id, String campaignId, String channel, String audience, long exposures,
                                 long clicks, long conversions, LocalDate endedOn, String recordedBy,
                                 Instant recordedAt) {

    static CampaignResultView of(CampaignResult r) {
        return new CampaignResultView(r.id, r.campaignId, r.channel, r.audience, r.exposures, r.clicks, r.conversions,
                r.endedOn, r.recordedBy, r.recordedAt);
    }
}
