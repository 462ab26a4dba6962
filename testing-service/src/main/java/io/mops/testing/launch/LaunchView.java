package io.mops.testing.launch;

import java.time.Instant;
import java.util.UUID;

/**
 * Where an experiment's campaign stands in the launch chain, as testing-service has heard it from qa-service.
 *
 * @param state {@code NOT_CLEARED} (no clearance heard), {@code CLEARED} or {@code REVOKED}
 */
public record LaunchView(String campaignId, String state, boolean cleared, UUID qaRunId, String verdict,
                         UUID approvalId, String approvedBy, Instant clearedAt, Instant revokedAt, UUID revokedByRun,
                         String revokedReason) {

    static LaunchView of(String campaignId, CampaignClearance row) {
        if (row == null) {
            return new LaunchView(campaignId, "NOT_CLEARED", false, null, null, null, null, null, null, null, null);
        }
        return new LaunchView(campaignId, row.status.name(), row.cleared(), row.qaRunId, row.verdict, row.approvalId,
                row.approvedBy, row.clearedAt, row.revokedAt, row.revokedByRun, row.revokedReason);
    }
}
