package io.mops.budget.launch;

import io.mops.budget.budgets.CampaignService;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hears qa-service's clearances on {@code mops.qa.events} and records them per campaign (qa-service's campaign key),
 * each event once; a clearance funds the campaign's planned budget and a revocation takes it back (funding follows
 * clearance). Other QA events ({@code QaCompleted}) are passed over; an invalid clearance is dead-lettered by the
 * connector with the reason.
 */
@ApplicationScoped
public class LaunchClearanceListener {

    private final LaunchGate gate;
    private final CampaignService campaigns;

    public LaunchClearanceListener(LaunchGate gate, CampaignService campaigns) {
        this.gate = gate;
        this.campaigns = campaigns;
    }

    @Incoming("qa-events")
    @RetryWhileDatabaseAway
    public Uni<Void> onQaEvent(String payload) {
        return gate.clearances().consume(payload, (before, after) -> gate.linkBudgetCampaign(before, after)
                .chain(() -> campaigns.fundOnClearance(after))
                .chain(() -> campaigns.defundOnRevocation(before, after)));
    }
}
