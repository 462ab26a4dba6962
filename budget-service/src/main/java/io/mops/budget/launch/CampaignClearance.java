package io.mops.budget.launch;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A campaign's clearance for launch as qa-service last announced it ({@code CampaignCleared} / {@code …Revoked}). */
@Entity
@Table(name = "launch_clearance")
public class LaunchClearanceRow extends PanacheEntityBase {

    public static final String CLEARED = "CLEARED";
    public static final String REVOKED = "REVOKED";

    /** The campaign in budget-service ({@code budgetCampaignId} of the events). */
    @Id
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "qa_campaign_id", nullable = false)
    public String qaCampaignId;
    @Column(nullable = false)
    public String status;
    /** The run that cleared the campaign (kept after a revocation, which names the run that ended it). */
    @Column(name = "qa_run_id", nullable = false)
    public UUID qaRunId;
    @Column(name = "content_hash", nullable = false, columnDefinition = "char(64)")
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
    /** The time of the last event applied: an older event arriving later (a replay) changes nothing. */
    @Column(name = "event_time", nullable = false)
    public Instant eventTime;

    public boolean cleared() {
        return CLEARED.equals(status);
    }
}
