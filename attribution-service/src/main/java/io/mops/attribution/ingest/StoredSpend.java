package io.mops.attribution.ingest;

import io.mops.common.events.CampaignSpendReported;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A campaign's spend on one day in one channel, keyed by the id of the event (or import line) that reported it. */
@Entity
@Table(name = "channel_spend")
public class StoredSpend extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Column(nullable = false)
    public String channel;
    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;
    @Column(nullable = false)
    public LocalDate day;
    @Column(nullable = false)
    public BigDecimal amount;
    @Column(nullable = false, columnDefinition = "char(3)")
    public String currency;
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** @param report a report that names its channel */
    public static StoredSpend of(UUID eventId, CampaignSpendReported report, Instant receivedAt) {
        StoredSpend spend = new StoredSpend();
        spend.eventId = eventId;
        spend.channel = report.channel();
        spend.campaignId = report.campaignId();
        spend.day = report.day();
        spend.amount = report.amount();
        spend.currency = report.currency();
        spend.receivedAt = receivedAt;
        return spend;
    }
}
