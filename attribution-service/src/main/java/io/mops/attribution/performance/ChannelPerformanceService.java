package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Records a channel's performance and announces it, in one transaction (the outbox makes the two agree). */
@ApplicationScoped
public class ChannelPerformanceService {

    private final Outbox outbox;

    public ChannelPerformanceService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<ChannelPerformanceView> record(ChannelPerformanceReport report) {
        if (report.windowEnd().isBefore(report.windowStart())) {
            throw new InvalidRequestException("windowEnd", "must not be before windowStart");
        }
        return Panache.withTransaction(() -> recordAndAnnounce(report));
    }

    /** Stores the report and records its event; the caller's transaction makes the two agree. */
    Uni<ChannelPerformanceView> recordAndAnnounce(ChannelPerformanceReport report) {
        return recordAndAnnounce(report, null);
    }

    /** @param trend against the previous window, {@code null} when not computed */
    Uni<ChannelPerformanceView> recordAndAnnounce(ChannelPerformanceReport report,
                                                  ChannelPerformanceUpdated.Trend trend) {
        ChannelPerformance performance = new ChannelPerformance();
        performance.id = UUID.randomUUID();
        performance.channel = report.channel();
        performance.model = report.model();
        performance.windowStart = report.windowStart();
        performance.windowEnd = report.windowEnd();
        performance.creditedConversions = report.creditedConversions();
        performance.creditedValue = report.creditedValue();
        performance.spend = report.spend();
        performance.currency = report.currency();
        performance.roas = ReturnOnAdSpend.of(report.creditedValue(), report.spend()).orElse(null);
        performance.recordedAt = Instant.now();

        ChannelPerformanceUpdated event = new ChannelPerformanceUpdated(performance.channel, performance.model,
                performance.windowStart, performance.windowEnd, performance.creditedConversions,
                performance.creditedValue, performance.spend, performance.currency, performance.roas, trend);
        return performance.<ChannelPerformance>persist()
                .chain(() -> outbox.record(ChannelPerformanceUpdated.TYPE, event.subject(), event))
                .map(envelope -> ChannelPerformanceView.of(performance, envelope.id()));
    }
}
