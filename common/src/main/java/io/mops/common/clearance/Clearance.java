package io.mops.common.clearance;

import io.mops.common.events.CampaignClearanceRevoked;
import io.mops.common.events.CampaignCleared;
import io.mops.common.events.ReceivedEvent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A campaign's clearance for launch as a consumer of qa-service's events last heard it, and the one set of rules by
 * which those events change it (budget-service and testing-service both apply them through {@link ClearanceReadModel}).
 * <ul>
 *     <li>Of two events about one campaign the later by envelope time wins: an older event arriving after a newer one
 *     (a replay, a redelivery after a rebalance) changes nothing. Equal times apply in arrival order, which is the
 *     order qa-service wrote them (one campaign is one Kafka key, so one partition).</li>
 *     <li>A revocation keeps the run that cleared the campaign ({@code qaRunId}) and names the run that ended it
 *     ({@code revokedByRun}); a revocation of a campaign never heard cleared changes nothing, since there is nothing
 *     to end.</li>
 *     <li>An event is applied once: the event already applied last changes nothing here, and the inbox
 *     ({@code io.mops.common.inbox}) skips any event id it has seen.</li>
 * </ul>
 *
 * @param campaignKey      qa-service's campaign key (a QA submission's {@code campaignId}), the one key every service
 *                         knows a campaign by
 * @param budgetCampaignId the budget-service campaign the QA run named, if it named one
 * @param qaRunId          the run that cleared the campaign (kept after a revocation)
 * @param eventId          the id of the last event applied
 * @param eventTime        the envelope time of the last event applied
 */
public record Clearance(String campaignKey, String channel, UUID budgetCampaignId, Status status, UUID qaRunId,
                        String contentHash, String verdict, UUID approvalId, String approvedBy, Instant clearedAt,
                        Instant revokedAt, UUID revokedByRun, String revokedReason, UUID eventId,
                        Instant eventTime) {

    public enum Status { CLEARED, REVOKED }

    public boolean cleared() {
        return status == Status.CLEARED;
    }

    /**
     * The clearance after {@code event}, or empty when the event changes nothing.
     *
     * @param current the clearance as it stands, null when none was heard
     */
    public static Optional<Clearance> after(Clearance current, ReceivedEvent<CampaignCleared> event) {
        if (stale(current, event.envelope().id(), event.envelope().time())) {
            return Optional.empty();
        }
        CampaignCleared data = event.data();
        return Optional.of(new Clearance(data.campaignId(), data.channel(), data.budgetCampaignId(), Status.CLEARED,
                data.qaRunId(), data.contentHash(), data.verdict(), data.approvalId(), data.approvedBy(),
                data.clearedAt(), null, null, null, event.id(), event.envelope().time()));
    }

    /**
     * The clearance after the revocation {@code event}, or empty when it changes nothing.
     *
     * @param current the clearance as it stands, null when none was heard
     */
    public static Optional<Clearance> afterRevocation(Clearance current,
                                                      ReceivedEvent<CampaignClearanceRevoked> event) {
        if (current == null || stale(current, event.envelope().id(), event.envelope().time())) {
            return Optional.empty();
        }
        CampaignClearanceRevoked data = event.data();
        UUID budgetCampaignId = data.budgetCampaignId() != null ? data.budgetCampaignId() : current.budgetCampaignId;
        return Optional.of(new Clearance(current.campaignKey, current.channel, budgetCampaignId, Status.REVOKED,
                current.qaRunId, current.contentHash, current.verdict, current.approvalId, current.approvedBy,
                current.clearedAt, data.revokedAt(), data.qaRunId(), data.reason(), event.id(),
                event.envelope().time()));
    }

    private static boolean stale(Clearance current, UUID eventId, Instant time) {
        return current != null && (eventId.equals(current.eventId) || current.eventTime.isAfter(time));
    }
}
