package io.mops.common.clearance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * The columns of a service's table of campaign clearances ({@link Clearance} stored); each service maps its own table
 * with an entity extending this one, and changes it only through {@link ClearanceReadModel}.
 */
@MappedSuperclass
public abstract class ClearanceRow extends PanacheEntityBase {

    /** qa-service's campaign key. */
    @Id
    @Column(name = "campaign_id")
    public String campaignKey;
    @Column(nullable = false)
    public String channel;
    @Column(name = "budget_campaign_id")
    public UUID budgetCampaignId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Clearance.Status status;
    @Column(name = "qa_run_id", nullable = false)
    public UUID qaRunId;
    @Column(name = "content_hash", nullable = false)
    public String contentHash;
    @Column(nullable = false)
    public String verdict;
    @Column(name = "approval_id")
    public UUID approvalId;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "cleared_at", nullable = false)
    public Instant clearedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by_run")
    public UUID revokedByRun;
    @Column(name = "revoked_reason")
    public String revokedReason;
    /** Null for rows written before event ids were kept. */
    @Column(name = "event_id")
    public UUID eventId;
    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    public boolean cleared() {
        return status == Clearance.Status.CLEARED;
    }

    public Clearance clearance() {
        return new Clearance(campaignKey, channel, budgetCampaignId, status, qaRunId, contentHash, verdict, approvalId,
                approvedBy, clearedAt, revokedAt, revokedByRun, revokedReason, eventId, eventTime);
    }

    void take(Clearance c) {
        campaignKey = c.campaignKey();
        channel = c.channel();
        budgetCampaignId = c.budgetCampaignId();
        status = c.status();
        qaRunId = c.qaRunId();
        contentHash = c.contentHash();
        verdict = c.verdict();
        approvalId = c.approvalId();
        approvedBy = c.approvedBy();
        clearedAt = c.clearedAt();
        revokedAt = c.revokedAt();
        revokedByRun = c.revokedByRun();
        revokedReason = c.revokedReason();
        eventId = c.eventId();
        eventTime = c.eventTime();
    }
}
