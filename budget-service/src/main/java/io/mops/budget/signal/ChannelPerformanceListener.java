package io.mops.budget.signal;

import io.mops.budget.guard.PerformanceWatch;
import io.mops.budget.reallocation.ReallocationService;
import io.mops.budget.trackrecord.TrackRecordService;
import io.mops.common.events.ChannelPerformanceUpdated;
import io.mops.common.events.EventCodec;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;
import java.time.Instant;

/**
 * Takes in attribution's channel performance per period — one row per channel, model, currency and period, the
 * highest revision winning — and, when the signal is new evidence for the response curves (the configured model and
 * period kind, and not outdated by a later revision), lets the autonomous loop reconsider the plans that fund the
 * channel. A malformed message, and version 1 (trailing windows, which are no evidence for a curve), fail here and are
 * dead-lettered by the connector ({@code failure-strategy=dead-letter-queue}) with the reason; a redelivered one is
 * recognised by its event id.
 */
@ApplicationScoped
public class ChannelPerformanceListener {

    static final String CONSUMER = "budget.channel-signal";
    static final String REALLOCATION = "budget.reallocation-on-performance";

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final ReallocationService reallocation;
    private final CurvesConfig curves;
    private final TrackRecordService trackRecord;
    private final Clock clock;
    private final PerformanceWatch performance;

    public ChannelPerformanceListener(EventCodec codec, IdempotentConsumer idempotent,
                                      ReallocationService reallocation, CurvesConfig curves,
                                      TrackRecordService trackRecord, Clock clock, PerformanceWatch performance) {
        this.performance = performance;
        this.clock = clock;
        this.trackRecord = trackRecord;
        this.codec = codec;
        this.idempotent = idempotent;
        this.reallocation = reallocation;
        this.curves = curves;
    }

    @Incoming("channel-performance")
    @RetryWhileDatabaseAway
    public Uni<Void> onChannelPerformance(String payload) {
        return Uni.createFrom().item(() -> codec.read(payload, ChannelPerformanceUpdated.TYPE))
                // The signal commits first, so that the proposal's response curve is fitted with it.
                .flatMap(event -> idempotent.applyOnce(CONSUMER, event, e -> ChannelSignal.record(e, Instant.now(clock))
                                .invoke(stored -> {
                                    if (!stored) {
                                        Log.infof("ChannelPerformanceUpdated %s (%s, %s, %s %s, revision %d) is older "
                                                        + "than the revision held; kept out", e.id(),
                                                e.data().channel(), e.data().model(), e.data().periodKind(),
                                                e.data().periodStart(), e.data().revision());
                                    }
                                })
                                // In the signal's transaction: a move is measured on exactly the signals stored.
                                .call(stored -> !stored ? Uni.createFrom().voidItem()
                                        : trackRecord.onSignal(e.data().channel(), e.data().model(),
                                        e.data().periodKind(), e.data().currency(), e.data().periodStart()))
                                // In the signal's transaction too: a shift is found exactly when its figures exist.
                                .call(stored -> !stored ? Uni.createFrom().voidItem()
                                        : performance.onSignal(e.data().channel(), e.data().model(),
                                        e.data().periodKind(), e.data().currency())))
                        .chain(() -> curves.fitsOn(event.data().model(), event.data().periodKind())
                                ? ChannelSignal.isCurrent(event) : Uni.createFrom().item(false))
                        .chain(evidence -> !evidence ? Uni.createFrom().voidItem()
                                : reallocation.onEvidence(REALLOCATION, event, event.data().channel(),
                                "ChannelPerformanceUpdated " + event.id() + " (" + event.data().channel() + ", "
                                        + event.data().model() + ", " + event.data().periodKind() + " "
                                        + event.data().periodStart() + ", revision " + event.data().revision() + ")")))
                .replaceWithVoid();
    }
}
