package io.mops.qa.clearance;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A campaign's clearance for launch as it stands: the run that cleared it, and the run that revoked it, if any. */
@Entity
@Table(name = "campaign_clearance")
public class CampaignClearance extends PanacheEntityBase {

    @Id
    @Column(name = "campaign_id")
    public String campaignId;
    @Column(nullable = false)
    public String channel;
    @Column(name = "budget_campaign_id")
    public UUID budgetCampaignId;
    @Column(name = "run_id", nullable = false)
    public UUID runId;
    @Column(name = "content_hash", nullable = false, columnDefinition = "char(64)")
    public String contentHash;
    @Column(name = "approval_id")
    public UUID approvalId;
    @Column(name = "cleared_at", nullable = false)
    public Instant clearedAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "revoked_by_run")
    public UUID revokedByRun;

    public boolean active() {
        return revokedAt == null;
    }
}
