package io.mops.qa.clearance;

import java.util.UUID;

/**
 * What clearance needs of a QA run: the run hands this over, so the clearance feature does not depend on the run's
 * entity and the run feature depends on clearance, not both ways.
 *
 * @param approvalId the approval request the run asked for; {@code null} when it asked none
 */
public record ClearedRun(UUID id, String campaignId, String channel, UUID budgetCampaignId, String inputDigest,
                         String verdict, UUID approvalId) {
}
