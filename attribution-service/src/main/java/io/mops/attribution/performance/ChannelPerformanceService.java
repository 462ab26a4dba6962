package io.mops.attribution.performance;

import io.mops.attribution.credit.ReturnOnAdSpend;
import io.mops.common.events.ChannelPerformanceUpdated;
import io.mops.common.outbox.Outbox;
import io.mops.common.problem.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Records a channel's performance in a period and announces it, in one transaction (the outbox makes the two agree).
 * Each recording of a period is its next revision.
 */
@ApplicationScoped
public class ChannelPerformanceService {

    private final Outbox outbox;
    private final PerformanceConfig config;
    private final Clock clock;

    public ChannelPerformanceService(Outbox outbox, PerformanceConfig config, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.config = config;
    }

    /** A recording by hand: the next revision of the period, whatever was published for it before. */
    public Uni<ChannelPerformanceView> record(ChannelPerformanceReport report) {
        ReportingPeriod period = periodOf(report);
        ChannelFigures figures = new ChannelFigures(report.channel(), report.creditedConversions(),
                report.creditedValue(), report.spend(),
                ReturnOnAdSpend.of(report.creditedValue(), report.spend()).orElse(null));
        return Panache.withTransaction(() -> ChannelPerformance.lockPublications()
                .chain(() -> ChannelPerformance.lastRevision(report.channel(), report.model(), report.currency(),
                        period))
                .chain(last -> recordAndAnnounce(figures, report.model(), report.currency(), period, last + 1, true)));
    }

    private ReportingPeriod periodOf(ChannelPerformanceReport report) {
        if (!report.periodKind().startOf(report.periodStart()).equals(report.periodStart())) {
            throw new InvalidRequestException("periodStart", "an ISO week starts on a Monday; "
                    + report.periodStart() + " is a " + report.periodStart().getDayOfWeek());
        }
        ReportingPeriod period = new ReportingPeriod(report.periodKind(), report.periodStart(), config.zone());
        if (report.periodEnd() != null && !report.periodEnd().equals(period.end())) {
            throw new InvalidRequestException("periodEnd", "the " + report.periodKind() + " starting "
                    + report.periodStart() + " ends on " + period.end());
        }
        return period;
    }

    /**
     * Stores the figures as {@code revision} of the channel's period and records their event; the caller's
     * transaction, which holds the publication lock, makes the two agree.
     */
    Uni<ChannelPerformanceView> recordAndAnnounce(ChannelFigures figures, String model, String currency,
                                                  ReportingPeriod period, int revision, boolean recordedByHand) {
        ChannelPerformance performance = new ChannelPerformance();
        performance.id = UUID.randomUUID();
        performance.channel = figures.channel();
        performance.model = model;
        performance.currency = currency;
        performance.periodKind = period.kind();
        performance.periodStart = period.start();
        performance.periodEnd = period.end();
        performance.zone = period.zone().getId();
        performance.revision = revision;
        performance.creditedConversions = figures.creditedConversions();
        performance.creditedValue = figures.creditedValue();
        performance.spend = figures.spend();
        performance.roas = figures.roas();
        performance.recordedByHand = recordedByHand;
        performance.recordedAt = Instant.now(clock);

        ChannelPerformanceUpdated event = new ChannelPerformanceUpdated(performance.channel, model, period.kind(),
                period.start(), period.end(), performance.zone, revision, performance.creditedConversions,
                performance.creditedValue, performance.spend, currency, performance.roas);
        return outbox.record(ChannelPerformanceUpdated.TYPE, event.subject(), event)
                .chain(envelope -> {
                    performance.eventId = envelope.id();
                    return performance.<ChannelPerformance>persist();
                })
                .map(ChannelPerformanceView::of);
    }
}
