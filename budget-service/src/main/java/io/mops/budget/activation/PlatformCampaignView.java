package io.mops.budget.activation;

import java.time.Instant;
import java.util.UUID;

public record PlatformCampaignView(UUID campaignId, String platform, String accountId, String platformCampaignId,
                                   String campaignBudgetId, String changedBy, Instant changedAt) {

    static PlatformCampaignView of(ActivationCampaign row) {
        return new PlatformCampaignView(row.campaignId, row.platform.key(), row.accountId, row.platformCampaignId,
                row.campaignBudgetId, row.changedBy, row.changedAt);
    }
}
