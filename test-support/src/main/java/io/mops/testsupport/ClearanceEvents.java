package io.mops.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * qa-service's launch-clearance events as docs/events.md describes them, for the tests of the services that read
 * them (budget- and testing-service): the content hashes are fixed stand-ins, the channel is {@code email}.
 */
public final class ClearanceEvents {

    private ClearanceEvents() {
    }

    /**
     * {@code CampaignCleared}: by a passing run, or, with {@code approvalId}, by a needs-approval run alice granted.
     *
     * @param budgetCampaignId the budget campaign QA's campaign names, or {@code null}
     */
    public static String cleared(UUID eventId, Instant time, String campaignId, String budgetCampaignId, UUID runId,
                                 UUID approvalId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", campaignId);
        data.put("budgetCampaignId", budgetCampaignId);
        data.put("channel", "email");
        data.put("qaRunId", runId.toString());
        data.put("contentHash", "ab".repeat(32));
        data.put("approvalId", approvalId == null ? null : approvalId.toString());
        data.put("approvedBy", approvalId == null ? null : "alice");
        data.put("verdict", approvalId == null ? "pass" : "needs-approval");
        data.put("clearedAt", time.toString());
        return Envelopes.envelope(eventId, "CampaignCleared", 1, "qa-service", time, "campaign:" + campaignId, data);
    }

    /**
     * {@code CampaignClearanceRevoked}: run {@code runId} of changed content withdrew the clearance run
     * {@code clearedBy} gave; {@code verdict} is the new run's ({@code blocked} or {@code needs-approval}).
     */
    public static String revoked(Instant time, String campaignId, String budgetCampaignId, UUID clearedBy, UUID runId,
                                 String verdict, String reason) {
        return revoked(UUID.randomUUID(), time, campaignId, budgetCampaignId, clearedBy, runId, verdict, reason);
    }

    /** {@code CampaignClearanceRevoked} under a given event id, for a test that delivers it twice. */
    public static String revoked(UUID eventId, Instant time, String campaignId, String budgetCampaignId,
                                 UUID clearedBy, UUID runId, String verdict, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", campaignId);
        data.put("budgetCampaignId", budgetCampaignId);
        data.put("channel", "email");
        data.put("clearedByRunId", clearedBy.toString());
        data.put("qaRunId", runId.toString());
        data.put("contentHash", "cd".repeat(32));
        data.put("verdict", verdict);
        data.put("reason", reason);
        data.put("revokedAt", time.toString());
        return Envelopes.envelope(eventId, "CampaignClearanceRevoked", 1, "qa-service", time,
                "campaign:" + campaignId, data);
    }
}
