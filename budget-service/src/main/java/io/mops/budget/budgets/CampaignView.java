package io.mops.budget.budgets;

import io.mops.budget.launch.LaunchView;
import io.mops.budget.pacing.PacingState;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * @param campaignKey qa-service's campaign key it carries (the key experiments name it by), null when unlinked
 * @param plannedAmount the budget waiting for QA's clearance (funding on clearance), held of the channel's
 *                      allocation meanwhile; null when nothing waits
 * @param status {@code STOPPED} once the budget is used up: the channel must stop delivering the campaign
 * @param launch where the campaign stands in the launch chain (QA clearance, funding, flagged spend); given by
 *               {@code GET /budget/campaigns/{id}} only, null in lists and in answers to changes
 */
public record CampaignView(UUID id, UUID planId, String channel, String name, String campaignKey, String currency, BigDecimal amount,
                           BigDecimal plannedAmount, BigDecimal spent, BigDecimal remaining, Campaign.Status status, PacingState pacing,
                           long version, LaunchView launch) {

    static CampaignView of(Campaign c, String currency) {
        return of(c, currency, null);
    }

    static CampaignView of(Campaign c, String currency, LaunchView launch) {
        BigDecimal remaining = c.amount.subtract(c.spent).max(BigDecimal.ZERO);
        return new CampaignView(c.id, c.planId, c.channel, c.name, c.campaignKey, currency, c.amount, c.plannedAmount, c.spent, remaining, c.status,
                c.pacingState, c.version, launch);
    }
}
