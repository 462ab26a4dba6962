package io.mops.budget.launch;

import io.mops.budget.budgets.Campaign;
import io.mops.budget.guard.AnomalyRow;
import io.mops.budget.guard.Detector;
import io.mops.common.clearance.Clearance;
import io.mops.common.clearance.ClearanceReadModel;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.problem.ConflictProblem;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/**
 * Launch control in budget-service (issue 15): records qa-service's clearances per campaign (qa-service's campaign
 * key, which a budget campaign carries as {@code campaignKey}), refuses to fund an uncleared campaign under
 * {@link LaunchControl#ENFORCE}, and shows where a campaign stands. The risk guard flags spend of uncleared campaigns
 * ({@code uncleared-spend}).
 */
@ApplicationScoped
public class LaunchGate {

    /** The inbox's consumer names stay those of the events applied before the rules moved to common. */
    static final String CONSUMER = "budget";

    private final LaunchControlConfig config;
    private final ClearanceReadModel<CampaignClearance> clearances;

    public LaunchGate(LaunchControlConfig config, EventCodec codec, IdempotentConsumer idempotent) {
        this.config = config;
        this.clearances = new ClearanceReadModel<>(CONSUMER, CampaignClearance.class, CampaignClearance::new, codec,
                idempotent);
    }

    ClearanceReadModel<CampaignClearance> clearances() {
        return clearances;
    }

    public LaunchControl control() {
        return config.mode();
    }

    /**
     * Under {@code ENFORCE}, more budget only for a cleared campaign; taking budget away is never refused. Call it
     * inside a session.
     *
     * @param campaignKey qa-service's campaign key the budget campaign carries; null for one linked to none, which no
     *                    QA run can have cleared
     * @param label       how the problem names the campaign
     * @param current     the campaign's budget now (0 for a new one)
     */
    public Uni<Void> requireFundable(String campaignKey, String label, BigDecimal amount, BigDecimal current) {
        if (!control().refusesFunding() || amount == null || amount.compareTo(current) <= 0) {
            return Uni.createFrom().voidItem();
        }
        String how = "; give it the QA campaign key (campaignKey), submit that campaign to QA (POST /qa/runs), and "
                + "fund it once QA has cleared it (mops.budget.launch-control is ENFORCE)";
        if (campaignKey == null) {
            return Uni.createFrom().failure(new ConflictProblem("campaign " + label
                    + " is not cleared for launch (it names no QA campaign key, and no QA run named it) and cannot "
                    + "be funded" + how));
        }
        return clearances.find(campaignKey).invoke(row -> {
            if (row == null || !row.cleared()) {
                throw new ConflictProblem("campaign " + label + " is not cleared for launch ("
                        + (row == null ? "no QA run has cleared QA campaign '" + campaignKey + "'"
                        : "its clearance by QA run " + row.qaRunId + " was revoked: " + row.revokedReason)
                        + ") and cannot be funded" + how);
            }
        }).replaceWithVoid();
    }

    /** The campaign key's clearance if QA has cleared it now, else null. Call it inside a session. */
    public Uni<CampaignClearance> clearedNow(String campaignKey) {
        return clearances.find(campaignKey).map(row -> row != null && row.cleared() ? row : null);
    }

    /** Where the campaign stands in the launch chain. Call it inside a session. */
    public Uni<LaunchView> view(Campaign campaign) {
        return clearances.find(campaign.campaignKey).chain(row -> AnomalyRow.<AnomalyRow>list(
                        "detector = ?1 and campaignIds like ?2 order by detectedAt desc",
                        Detector.UNCLEARED_SPEND.key(), "%" + campaign.id + "%")
                .map(anomalies -> LaunchView.of(control(), campaign, row,
                        anomalies.stream().map(a -> a.id).toList())));
    }

    /**
     * A clearance naming a budget campaign (the QA run's {@code budgetCampaignId}) links that campaign to the QA
     * campaign key, if it carries none yet and no other budget campaign carries the key: budget campaigns created
     * before they carried QA's key, or without it, join the launch chain this way. Call it inside the transaction
     * that applies the clearance.
     */
    Uni<Void> linkBudgetCampaign(Clearance before, Clearance after) {
        if (after.budgetCampaignId() == null) {
            return Uni.createFrom().voidItem();
        }
        return Campaign.<Campaign>findById(after.budgetCampaignId()).chain(campaign -> {
            if (campaign == null) {
                Log.infof("clearance of %s names budget campaign %s, which budget-service does not hold",
                        after.campaignKey(), after.budgetCampaignId());
                return Uni.createFrom().voidItem();
            }
            if (campaign.campaignKey != null) {
                if (!campaign.campaignKey.equals(after.campaignKey())) {
                    Log.warnf("clearance of QA campaign %s names budget campaign %s, which carries QA campaign %s; "
                            + "the link is left as it is", after.campaignKey(), campaign.id, campaign.campaignKey);
                }
                return Uni.createFrom().voidItem();
            }
            return Campaign.count("campaignKey", after.campaignKey()).invoke(taken -> {
                if (taken > 0) {
                    Log.warnf("clearance of QA campaign %s names budget campaign %s, but another budget campaign "
                            + "carries that key; not linked", after.campaignKey(), campaign.id);
                } else {
                    campaign.campaignKey = after.campaignKey();
                }
            }).replaceWithVoid();
        });
    }
}
