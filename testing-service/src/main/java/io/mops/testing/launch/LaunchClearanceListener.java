package io.mops.testing.launch;

import io.mops.common.clearance.ClearanceReadModel;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hears qa-service's clearances on {@code mops.qa.events} and records them per campaign (qa-service's campaign key),
 * each event once; every change is handed, in the same transaction, to the service's follower (experiments waiting
 * for the campaign's clearance start). Other QA events are passed over; an invalid clearance is dead-lettered by the
 * connector with the reason.
 */
@ApplicationScoped
public class LaunchClearanceListener {

    private final LaunchGate gate;
    private final ClearanceReadModel.Follower follower;

    public LaunchClearanceListener(LaunchGate gate, ClearanceReadModel.Follower follower) {
        this.gate = gate;
        this.follower = follower;
    }

    @Incoming("qa-events")
    @RetryWhileDatabaseAway
    public Uni<Void> onQaEvent(String payload) {
        return gate.clearances().consume(payload, follower);
    }
}
