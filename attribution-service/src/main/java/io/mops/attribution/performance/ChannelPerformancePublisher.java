package io.mops.attribution.performance;

import io.mops.attribution.credit.ChannelReturn;
import io.mops.attribution.credit.CreditComparison;
import io.mops.attribution.credit.WindowCredit;
import io.mops.attribution.credit.WindowCreditService;
import io.mops.attribution.model.AttributionModel;
import io.mops.attribution.model.AttributionModels;
import io.mops.common.problem.InvalidRequestException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Publishes what attribution concludes about each channel, period by period: credits the conversions of every
 * complete period (a day or an ISO week of the configured zone) with each configured model and, for every channel
 * whose figures are new or changed since their last publication (and not more often than the minimum interval),
 * records a channel performance and its {@code ChannelPerformanceUpdated} in one transaction. A period is recomputed
 * on every run while it ended within the revision window, so late conversions, touchpoints and spend revise it.
 */
@ApplicationScoped
public class ChannelPerformancePublisher {

    /** The longest span one recompute request may cover, as for a window of stored journeys. */
    static final int MAX_RECOMPUTE_DAYS = 366;

    private final WindowCreditService credit;
    private final ChannelPerformanceService performance;
    private final PerformanceConfig config;
    private final List<AttributionModel> models;
    private final PublicationThrottle throttle;

    public ChannelPerformancePublisher(WindowCreditService credit, ChannelPerformanceService performance,
                                       PerformanceConfig config) {
        this.credit = credit;
        this.performance = performance;
        this.config = config;
        List<AttributionModel> known = new ArrayList<>();
        for (String name : new LinkedHashSet<>(config.models())) {
            known.add(AttributionModels.byName(name).orElseThrow(() -> new IllegalArgumentException(
                    "mops.attribution.performance.models: unknown model '" + name + "'; known: "
                            + String.join(", ", AttributionModels.NAMES))));
        }
        if (known.isEmpty()) {
            throw new IllegalArgumentException("mops.attribution.performance.models names no model");
        }
        this.models = List.copyOf(known);
        if (config.lookbackDays() < 1 || config.lookbackDays() > 365) {
            throw new IllegalArgumentException("mops.attribution.performance.lookback-days must be 1-365, not "
                    + config.lookbackDays());
        }
        if (config.revisionWindow().isNegative()
                || config.revisionWindow().compareTo(Duration.ofDays(MAX_RECOMPUTE_DAYS)) > 0) {
            throw new IllegalArgumentException("mops.attribution.performance.revision-window must be 0 to "
                    + MAX_RECOMPUTE_DAYS + " days, not " + config.revisionWindow());
        }
        this.throttle = new PublicationThrottle(config.minimumInterval());
    }

    @Scheduled(every = "${mops.attribution.performance.interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        Instant now = Instant.now();
        return publish(Optional.empty(), now, now)
                .invoke(published -> Log.debugf("published %d channel performance(s)", published.size()))
                .replaceWithVoid();
    }

    /**
     * The periods a run covers: every period complete at {@code asOf}, from the one that contains {@code firstDay}
     * — by default, from the one in which the revision window before {@code asOf} begins.
     */
    List<ReportingPeriod> periodsOf(Optional<LocalDate> firstDay, Instant asOf) {
        // The last day that has begun before asOf: asOf at midnight closes the day before.
        LocalDate lastDay = asOf.minusNanos(1).atZone(config.zone()).toLocalDate();
        LocalDate first = firstDay.orElseGet(() -> asOf.minus(config.revisionWindow()).atZone(config.zone())
                .toLocalDate());
        if (first.isAfter(lastDay)) {
            throw new InvalidRequestException("from", "must not be after asOf (" + lastDay + ")");
        }
        if (first.plusDays(MAX_RECOMPUTE_DAYS).isBefore(lastDay)) {
            throw new InvalidRequestException("from", "a recompute covers at most " + MAX_RECOMPUTE_DAYS
                    + " days before asOf (" + lastDay + ")");
        }
        return ReportingPeriod.completeFrom(config.period(), config.zone(), first, asOf);
    }

    /**
     * Publishes the periods of {@link #periodsOf}, oldest first, each in its own transaction. Runs on a Vert.x
     * context (an event loop), as the database session requires.
     *
     * @param now the moment the minimum interval since a channel's last publication is measured at
     * @return the publications made, oldest period first
     */
    Uni<List<ChannelPerformanceView>> publish(Optional<LocalDate> firstDay, Instant asOf, Instant now) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("the performance publisher runs on a Vert.x context");
        }
        // Crediting ends on a worker thread; the database session belongs to the context.
        Executor onContext = command -> context.runOnContext(ignored -> command.run());
        Uni<List<ChannelPerformanceView>> chain = Uni.createFrom().item(new ArrayList<>());
        for (ReportingPeriod period : periodsOf(firstDay, asOf)) {
            chain = chain.chain(published -> publish(period, now, onContext).map(views -> {
                published.addAll(views);
                return published;
            }));
        }
        return chain;
    }

    private Uni<List<ChannelPerformanceView>> publish(ReportingPeriod period, Instant now, Executor onContext) {
        return credit.credit(period.from(), period.until(), period.start(), period.end(), config.lookbackDays(),
                        config.currency(), models)
                .emitOn(onContext)
                .chain(window -> Panache.withTransaction(() -> ChannelPerformance.lockPublications()
                        .chain(() -> ChannelPerformance.latestRevisions(period, config.currency()))
                        .chain(latest -> announce(period, window, latest, now))));
    }

    private Uni<List<ChannelPerformanceView>> announce(ReportingPeriod period, WindowCredit window,
                                                       List<ChannelPerformance> latest, Instant now) {
        Uni<List<ChannelPerformanceView>> chain = Uni.createFrom().item(new ArrayList<>());
        for (AttributionModel model : models) {
            Map<String, PublicationThrottle.Publication> last = new HashMap<>();
            Map<String, Integer> revisions = new HashMap<>();
            latest.stream().filter(p -> p.model.equals(model.name())).forEach(p -> {
                last.put(p.channel, new PublicationThrottle.Publication(p.figures(), p.recordedAt, p.recordedByHand));
                revisions.put(p.channel, p.revision);
            });
            for (ChannelFigures figures : throttle.due(figures(window, model.name()), last, now)) {
                int revision = revisions.getOrDefault(figures.channel(), 0) + 1;
                chain = chain.chain(views -> performance.recordAndAnnounce(figures, model.name(), config.currency(),
                        period, revision, false).map(view -> {
                            views.add(view);
                            return views;
                        }));
            }
        }
        return chain;
    }

    /** Every channel credited or spent in the window, with its credit under {@code model}. */
    private static List<ChannelFigures> figures(WindowCredit window, String model) {
        List<ChannelFigures> figures = new ArrayList<>();
        Map<String, CreditComparison.ModelCredit> zero = Map.of(model,
                new CreditComparison.ModelCredit(BigDecimal.ZERO, BigDecimal.ZERO, null));
        for (ChannelReturn channel : window.returns()) {
            CreditComparison.ModelCredit credited = window.credit().channels().stream()
                    .filter(row -> row.channel().equals(channel.channel())).findFirst()
                    .map(CreditComparison.ChannelRow::credit).orElse(zero).get(model);
            figures.add(new ChannelFigures(channel.channel(), credited.conversions(), credited.value(),
                    channel.spend() == null ? BigDecimal.ZERO : channel.spend(), channel.roas().get(model)));
        }
        return figures;
    }
}
