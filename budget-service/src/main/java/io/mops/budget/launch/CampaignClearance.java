package io.mops.budget.launch;

import io.mops.common.clearance.ClearanceRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A campaign's clearance for launch as qa-service last announced it ({@code CampaignCleared} /
 * {@code CampaignClearanceRevoked}), keyed by qa-service's campaign key, which a budget campaign carries as its
 * {@code campaignKey}; the rules that change it are common's ({@link io.mops.common.clearance.Clearance}).
 */
@Entity
@Table(name = "campaign_clearance")
public class CampaignClearance extends ClearanceRow {
}
