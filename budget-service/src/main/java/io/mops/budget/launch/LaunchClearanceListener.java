package io.mops.budget.launch;

import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hears qa-service's clearances on {@code mops.qa.events} and records them per campaign (qa-service's campaign key),
 * each event once. Other QA events ({@code QaCompleted}) are passed over; an invalid clearance is dead-lettered by the
 * connector with the reason.
 */
@ApplicationScoped
public class LaunchClearanceListener {

    private final LaunchGate gate;

    public LaunchClearanceListener(LaunchGate gate) {
        this.gate = gate;
    }

    @Incoming("qa-events")
    @RetryWhileDatabaseAway
    public Uni<Void> onQaEvent(String payload) {
        return gate.clearances().consume(payload, gate::linkBudgetCampaign);
    }
}
