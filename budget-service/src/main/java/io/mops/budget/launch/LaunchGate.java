package io.mops.budget.launch;

import io.mops.budget.budgets.Campaign;
import io.mops.budget.guard.AnomalyRow;
import io.mops.budget.guard.Detector;
import io.mops.common.events.CampaignClearanceRevoked;
import io.mops.common.events.CampaignCleared;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.problem.ConflictProblem;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Launch control in budget-service (issue 15): records qa-service's clearances per campaign, refuses to fund an
 * uncleared campaign under {@link LaunchControl#ENFORCE}, and shows where a campaign stands. The risk guard flags
 * spend of uncleared campaigns ({@code uncleared-spend}).
 */
@ApplicationScoped
public class LaunchGate {

    private final LaunchControlConfig config;

    public LaunchGate(LaunchControlConfig config) {
        this.config = config;
    }

    public LaunchControl control() {
        return config.mode();
    }

    /**
     * Under {@code ENFORCE}, more budget only for a cleared campaign; taking budget away is never refused. Call it
     * inside a session.
     *
     * @param campaignId null for a campaign being created, which no QA run can have cleared yet
     * @param label      how the problem names the campaign
     * @param current    the campaign's budget now (0 for a new one)
     */
    public Uni<Void> requireFundable(UUID campaignId, String label, BigDecimal amount, BigDecimal current) {
        if (!control().refusesFunding() || amount == null || amount.compareTo(current) <= 0) {
            return Uni.createFrom().voidItem();
        }
        String how = "; create it with amount 0, submit it to QA (POST /qa/runs) with budgetCampaignId = its id, "
                + "and fund it once QA has cleared it (mops.budget.launch-control is ENFORCE)";
        if (campaignId == null) {
            return Uni.createFrom().failure(new ConflictProblem("campaign " + label
                    + " is not cleared for launch and cannot be funded yet" + how));
        }
        return LaunchClearanceRow.<LaunchClearanceRow>findById(campaignId).invoke(row -> {
            if (row == null || !row.cleared()) {
                throw new ConflictProblem("campaign " + label + " is not cleared for launch ("
                        + (row == null ? "no QA run has cleared it" : "its clearance by QA run " + row.qaRunId
                        + " was revoked: " + row.revokedReason) + ") and cannot be funded" + how);
            }
        }).replaceWithVoid();
    }

    /** Where the campaign stands in the launch chain. Call it inside a session. */
    public Uni<LaunchView> view(Campaign campaign) {
        return LaunchClearanceRow.<LaunchClearanceRow>findById(campaign.id).chain(row -> AnomalyRow.<AnomalyRow>list(
                        "detector = ?1 and campaignIds like ?2 order by detectedAt desc",
                        Detector.UNCLEARED_SPEND.key(), "%" + campaign.id + "%")
                .map(anomalies -> LaunchView.of(control(), row, campaign.amount,
                        anomalies.stream().map(a -> a.id).toList())));
    }

    /** Call it inside the transaction that records the event as consumed. */
    Uni<Void> cleared(ReceivedEvent<CampaignCleared> event) {
        CampaignCleared data = event.data();
        if (data.budgetCampaignId() == null) {
            Log.debugf("clearance of %s names no budget campaign; nothing to record", data.campaignId());
            return Uni.createFrom().voidItem();
        }
        return Campaign.<Campaign>findById(data.budgetCampaignId()).chain(campaign -> {
            if (campaign == null) {
                Log.infof("clearance of %s names budget campaign %s, which budget-service does not hold; ignored",
                        data.campaignId(), data.budgetCampaignId());
                return Uni.createFrom().voidItem();
            }
            return LaunchClearanceRow.<LaunchClearanceRow>findById(campaign.id).chain(found -> {
                if (found != null && found.eventTime.isAfter(event.envelope().time())) {
                    return Uni.createFrom().voidItem();
                }
                LaunchClearanceRow row = found != null ? found : new LaunchClearanceRow();
                row.campaignId = campaign.id;
                row.qaCampaignId = data.campaignId();
                row.status = LaunchClearanceRow.CLEARED;
                row.qaRunId = data.qaRunId();
                row.contentHash = data.contentHash();
                row.verdict = data.verdict();
                row.approvalId = data.approvalId();
                row.approvedBy = data.approvedBy();
                row.clearedAt = data.clearedAt();
                row.revokedAt = null;
                row.revokedByRun = null;
                row.revokedReason = null;
                row.eventTime = event.envelope().time();
                return found != null ? Uni.createFrom().voidItem() : row.persist().replaceWithVoid();
            });
        });
    }

    /** Call it inside the transaction that records the event as consumed. */
    Uni<Void> revoked(ReceivedEvent<CampaignClearanceRevoked> event) {
        CampaignClearanceRevoked data = event.data();
        if (data.budgetCampaignId() == null) {
            return Uni.createFrom().voidItem();
        }
        return LaunchClearanceRow.<LaunchClearanceRow>findById(data.budgetCampaignId()).invoke(row -> {
            if (row == null || row.eventTime.isAfter(event.envelope().time())) {
                return;
            }
            row.status = LaunchClearanceRow.REVOKED;
            row.revokedAt = data.revokedAt();
            row.revokedByRun = data.qaRunId();
            row.revokedReason = data.reason();
            row.eventTime = event.envelope().time();
        }).replaceWithVoid();
    }

}
