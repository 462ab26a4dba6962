package io.mops.budget.activation;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which platform campaign a budget campaign is on; at most one per platform (set by the CoE). */
@Entity
@Table(name = "activation_campaign")
public class ActivationCampaign extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "campaign_id", nullable = false)
    public UUID campaignId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Platform platform;
    @Column(name = "account_id", nullable = false)
    public String accountId;
    @Column(name = "platform_campaign_id", nullable = false)
    public String platformCampaignId;
    @Column(name = "campaign_budget_id")
    public String campaignBudgetId;
    @Column(name = "changed_by", nullable = false)
    public String changedBy;
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public PlatformTarget target() {
        return new PlatformTarget(platform, accountId, platformCampaignId, campaignBudgetId);
    }

    public static Uni<List<ActivationCampaign>> ofCampaign(UUID campaignId) {
        return list("campaignId = ?1 order by platform", campaignId);
    }
}
