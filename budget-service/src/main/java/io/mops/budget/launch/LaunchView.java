package io.mops.budget.launch;

import io.mops.budget.budgets.Campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where a campaign stands in the launch chain (submit → QA → approval → cleared → funded), as budget-service knows it.
 *
 * @param control        the launch control in force ({@code ENFORCE}, {@code FLAG}, {@code OFF})
 * @param state          {@code NOT_CLEARED} (no QA run cleared it yet), {@code CLEARED} or {@code REVOKED}
 * @param funded         whether the campaign holds a budget above 0
 * @param plannedAmount  the budget waiting for QA's clearance (funding on clearance); null when nothing waits
 * @param fundedOnClearanceAt when a clearance released the planned amount; null when none did
 * @param fundedByRun    the QA run whose clearance released it
 * @param qaCampaignId   qa-service's campaign key the campaign carries ({@code campaignKey}); null when unlinked
 * @param qaRunId        the run that cleared it (also after a revocation)
 * @param approvalId     the approval request that granted the run; null for a run that passed by itself
 * @param revokedByRun   the later run that ended the clearance
 * @param unclearedSpendAnomalies the risk guard's {@code uncleared-spend} anomalies naming this campaign, newest first
 */
public record LaunchView(String control, String state, boolean cleared, boolean funded, BigDecimal budget,
                         String qaCampaignId, UUID qaRunId, String verdict, String contentHash, UUID approvalId,
                         String approvedBy, Instant clearedAt, Instant revokedAt, UUID revokedByRun,
                         String revokedReason, BigDecimal plannedAmount, Instant fundedOnClearanceAt,
                         UUID fundedByRun, List<UUID> unclearedSpendAnomalies) {

    public static final String NOT_CLEARED = "NOT_CLEARED";

    static LaunchView of(LaunchControl control, Campaign campaign, CampaignClearance row, List<UUID> anomalies) {
        BigDecimal budget = campaign.amount;
        boolean funded = budget.signum() > 0;
        if (row == null) {
            return new LaunchView(control.name(), NOT_CLEARED, false, funded, budget, campaign.campaignKey, null, null,
                    null, null, null, null, null, null, null, campaign.plannedAmount, campaign.fundedOnClearanceAt,
                    campaign.fundedByRun, anomalies);
        }
        return new LaunchView(control.name(), row.status.name(), row.cleared(), funded, budget, row.campaignKey,
                row.qaRunId, row.verdict, row.contentHash, row.approvalId, row.approvedBy, row.clearedAt,
                row.revokedAt, row.revokedByRun, row.revokedReason, campaign.plannedAmount,
                campaign.fundedOnClearanceAt, campaign.fundedByRun, anomalies);
    }
}
