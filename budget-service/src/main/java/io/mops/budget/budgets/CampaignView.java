package io.mops.budget.budgets;

import io.mops.budget.pacing.PacingState;

import java.math.BigDecimal;
import java.util.UUID;

/** @param status {@code STOPPED} once the budget is used up: the channel must stop delivering the campaign */
public record CampaignView(UUID id, UUID planId, String channel, String name, String currency, BigDecimal amount,
                           BigDecimal spent, BigDecimal remaining, Campaign.Status status, PacingState pacing,
                           long version) {

    static CampaignView of(Campaign c, String currency) {
        BigDecimal remaining = c.amount.subtract(c.spent).max(BigDecimal.ZERO);
        return new CampaignView(c.id, c.planId, c.channel, c.name, currency, c.amount, c.spent, remaining, c.status,
                c.pacingState, c.version);
    }
}
