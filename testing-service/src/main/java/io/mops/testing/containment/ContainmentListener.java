package io.mops.testing.containment;

import io.mops.common.events.ContainmentApplied;
import io.mops.common.events.ContainmentLifted;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hears budget-service's risk guard on {@code mops.budget.events}: a {@code ContainmentApplied} with action
 * {@code PAUSE_EXPERIMENT} pauses the channel's running experiments, its {@code ContainmentLifted} (a person resolved
 * the anomaly) resumes them — each event once, by its id. Other events there, and containments with other actions,
 * are passed over.
 */
@ApplicationScoped
public class ContainmentListener {

    static final String APPLIED = "testing.containment-applied";
    static final String LIFTED = "testing.containment-lifted";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final Containments containments;

    public ContainmentListener(EventCodec codec, IdempotentConsumer idempotent, Containments containments) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.containments = containments;
    }

    @Incoming("budget-events")
    @RetryWhileDatabaseAway
    public Uni<Void> onBudgetEvent(String payload) {
        return Uni.createFrom().deferred(() -> {
            var applied = codec.readIf(payload, ContainmentApplied.TYPE)
                    .filter(e -> Containments.PAUSE_EXPERIMENT.equals(e.data().action()));
            if (applied.isPresent()) {
                return idempotent.applyOnce(APPLIED, applied.get(), containments::applied).replaceWithVoid();
            }
            var lifted = codec.readIf(payload, ContainmentLifted.TYPE)
                    .filter(e -> Containments.PAUSE_EXPERIMENT.equals(e.data().action()));
            if (lifted.isPresent()) {
                return idempotent.applyOnce(LIFTED, lifted.get(), containments::lifted).replaceWithVoid();
            }
            return Uni.createFrom().voidItem();
        });
    }
}
