package io.mops.testing.launch;

import io.mops.common.events.CampaignClearanceRevoked;
import io.mops.common.events.CampaignCleared;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.problem.ConflictProblem;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Launch control in testing-service (issue 15): records qa-service's clearances per campaign and lets an experiment
 * that names a campaign run only while that campaign is cleared. Experiments that name no campaign are not gated.
 */
@ApplicationScoped
public class LaunchGate {

    /**
     * Fails with a 409 problem saying why unless the campaign is cleared; passes when {@code campaignId} is null.
     * Call it inside a session.
     */
    public Uni<Void> requireCleared(String experimentKey, String campaignId) {
        if (campaignId == null) {
            return Uni.createFrom().voidItem();
        }
        return CampaignClearance.<CampaignClearance>findById(campaignId).invoke(row -> {
            if (row == null || !row.cleared()) {
                throw new ConflictProblem("experiment '" + experimentKey + "' tests campaign '" + campaignId
                        + "', which is not cleared for launch ("
                        + (row == null ? "testing-service has heard of no QA run clearing it"
                        : "its clearance by QA run " + row.qaRunId + " was revoked: " + row.revokedReason)
                        + "); it can run once qa-service clears the campaign (a passing QA run, or a "
                        + "needs-approval run whose approval was granted)");
            }
        }).replaceWithVoid();
    }

    /** The campaign's launch state, null for an experiment that names none. Call it inside a session. */
    public Uni<LaunchView> view(String campaignId) {
        if (campaignId == null) {
            return Uni.createFrom().nullItem();
        }
        return CampaignClearance.<CampaignClearance>findById(campaignId).map(row -> LaunchView.of(campaignId, row));
    }

    /** Call it inside the transaction that records the event as consumed. */
    Uni<Void> cleared(ReceivedEvent<CampaignCleared> event) {
        CampaignCleared data = event.data();
        return CampaignClearance.<CampaignClearance>findById(data.campaignId()).chain(found -> {
            if (found != null && found.eventTime.isAfter(event.envelope().time())) {
                return Uni.createFrom().voidItem();
            }
            CampaignClearance row = found != null ? found : new CampaignClearance();
            row.campaignId = data.campaignId();
            row.channel = data.channel();
            row.status = CampaignClearance.CLEARED;
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
    }

    /** Call it inside the transaction that records the event as consumed. */
    Uni<Void> revoked(ReceivedEvent<CampaignClearanceRevoked> event) {
        CampaignClearanceRevoked data = event.data();
        return CampaignClearance.<CampaignClearance>findById(data.campaignId()).invoke(row -> {
            if (row == null || row.eventTime.isAfter(event.envelope().time())) {
                return;
            }
            row.status = CampaignClearance.REVOKED;
            row.revokedAt = data.revokedAt();
            row.revokedByRun = data.qaRunId();
            row.revokedReason = data.reason();
            row.eventTime = event.envelope().time();
        }).replaceWithVoid();
    }
}
