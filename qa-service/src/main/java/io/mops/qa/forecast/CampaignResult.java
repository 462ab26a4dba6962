package io.mops.qa.forecast;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A finished campaign's results as recorded; one row per campaign. */
@Entity
@Table(name = "campaign_result")
public class CampaignResult extends PanacheEntityBase {

    /**
     * The newest results a forecast reads per channel: enough for a stable prior, and recent enough to reflect how
     * the channel performs today.
     */
    static final int HISTORY_LIMIT = 500;

    @Id
    public UUID id;
    @Column(name = "campaign_id", nullable = false, unique = true)
    public String campaignId;
    @Column(nullable = false)
    public String channel;
    /** The {@link AudienceKey} of the campaign's targeting. */
    @Column(nullable = false)
    public String audience;
    @Column(nullable = false)
    public long exposures;
    @Column(nullable = false)
    public long clicks;
    @Column(nullable = false)
    public long conversions;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public PastCampaign toPastCampaign() {
        return new PastCampaign(campaignId, channel, audience, exposures, clicks, conversions);
    }

    /** The channel's newest results, newest first. Needs a session. */
    public static Uni<List<CampaignResult>> ofChannel(String channel) {
        return CampaignResult.<CampaignResult>find("channel", Sort.descending("recordedAt").and("campaignId"), channel)
                .page(0, HISTORY_LIMIT).list();
    }

    static Uni<CampaignResult> ofCampaign(String campaignId) {
        return CampaignResult.<CampaignResult>find("campaignId", campaignId).firstResult();
    }
}
