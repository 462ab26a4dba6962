package io.mops.testing.launch;

import io.mops.common.events.CampaignClearanceRevoked;
import io.mops.common.events.CampaignCleared;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hears qa-service's clearances on {@code mops.qa.events} and records them per campaign (qa-service's campaign key),
 * each event once (by its id). Other QA events ({@code QaCompleted}) are passed over; an invalid clearance is
 * dead-lettered by the connector with the reason.
 */
@ApplicationScoped
public class LaunchClearanceListener {

    static final String CLEARED = "testing.campaign-cleared";
    static final String REVOKED = "testing.campaign-clearance-revoked";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final LaunchGate gate;

    public LaunchClearanceListener(EventCodec codec, IdempotentConsumer idempotent, LaunchGate gate) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.gate = gate;
    }

    @Incoming("qa-events")
    @RetryWhileDatabaseAway
    public Uni<Void> onQaEvent(String payload) {
        return Uni.createFrom().deferred(() -> {
            var cleared = codec.readIf(payload, CampaignCleared.TYPE);
            if (cleared.isPresent()) {
                return idempotent.applyOnce(CLEARED, cleared.get(), gate::cleared).replaceWithVoid();
            }
            var revoked = codec.readIf(payload, CampaignClearanceRevoked.TYPE);
            if (revoked.isPresent()) {
                return idempotent.applyOnce(REVOKED, revoked.get(), gate::revoked).replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }
}
