package io.mops.budget.guard;

import io.mops.common.events.AnomalyDetected;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hears the anomalies other services' detectors report as {@code AnomalyDetected} on {@code mops.budget.events}
 * (attribution-service's data-quality detectors) and hands them to the risk guard, which owns containment and
 * incidents. The topic's other events, this service's own among them, are passed over.
 */
@ApplicationScoped
public class ReportedAnomalyListener {

    static final String CONTAINED = "budget.reported-anomaly-contained";

    private final EventCodec codec;
    private final RiskGuard guard;

    public ReportedAnomalyListener(EventCodec codec, RiskGuard guard) {
        this.codec = codec;
        this.guard = guard;
    }

    @Incoming("reported-anomalies")
    @RetryWhileDatabaseAway
    public Uni<Void> onEvent(String payload) {
        return Uni.createFrom().deferred(() -> codec.readIf(payload, AnomalyDetected.TYPE)
                .map(event -> guard.onAnomalyReported(event, CONTAINED))
                .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
