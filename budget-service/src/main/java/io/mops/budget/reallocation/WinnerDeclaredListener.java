package io.mops.budget.reallocation;

import io.mops.common.events.EventCodec;
import io.mops.common.events.WinnerDeclared;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A concluded experiment is new evidence for its channel: the proposal for the plans that fund the channel is
 * reconsidered (within the same once-per-interval limit as for channel performance).
 */
@ApplicationScoped
public class WinnerDeclaredListener {

    static final String CONSUMER = "budget.reallocation-on-winner";

    private final EventCodec codec;
    private final ReallocationService reallocation;

    public WinnerDeclaredListener(EventCodec codec, ReallocationService reallocation) {
        this.codec = codec;
        this.reallocation = reallocation;
    }

    @Incoming("testing-events")
    @RetryWhileDatabaseAway
    public Uni<Void> onTestingEvent(String payload) {
        return Uni.createFrom().deferred(() -> codec.readIf(payload, WinnerDeclared.TYPE)
                .map(event -> reallocation.onEvidence(CONSUMER, event, event.data().channel(),
                        "WinnerDeclared " + event.id() + " (" + event.data().experimentKey() + ", variant "
                                + event.data().variantKey() + ")"))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
