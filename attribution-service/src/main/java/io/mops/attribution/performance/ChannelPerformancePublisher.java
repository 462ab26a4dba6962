package io.mops.attribution.performance;

import io.mops.attribution.credit.ChannelReturn;
import io.mops.attribution.credit.CreditComparison;
import io.mops.attribution.credit.WindowCredit;
import io.mops.attribution.credit.WindowCreditService;
import io.mops.attribution.model.AttributionModel;
import io.mops.attribution.model.AttributionModels;
import io.mops.common.events.ChannelPerformanceUpdated.Trend;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Announces what attribution concludes about each channel: credits the stored journeys of the trailing window
 * with the configured model and, for every channel whose figures changed since its last announcement (and not
 * more often than the minimum interval), records a channel performance and its {@code ChannelPerformanceUpdated}
 * in one transaction with the new "last announced" figures. Each announcement carries the channel's trend against
 * the window of the same length just before ({@link ChannelTrend}).
 */
@ApplicationScoped
public class ChannelPerformancePublisher {

    private final WindowCreditService credit;
    private final ChannelPerformanceService performance;
    private final AttributionModel model;
    private final int windowDays;
    private final int lookbackDays;
    private final String currency;
    private final PublicationThrottle throttle;

    public ChannelPerformancePublisher(WindowCreditService credit, ChannelPerformanceService performance,
                                       @ConfigProperty(name = "mops.attribution.performance.model") String model,
                                       @ConfigProperty(name = "mops.attribution.performance.window-days") int windowDays,
                                       @ConfigProperty(name = "mops.attribution.performance.lookback-days") int lookbackDays,
                                       @ConfigProperty(name = "mops.attribution.performance.currency") String currency,
                                       @ConfigProperty(name = "mops.attribution.performance.minimum-interval")
                                       Duration minimumInterval) {
        this.credit = credit;
        this.performance = performance;
        this.model = AttributionModels.byName(model).orElseThrow(() -> new IllegalArgumentException(
                "mops.attribution.performance.model: unknown model '" + model + "'; known: "
                        + String.join(", ", AttributionModels.NAMES)));
        if (windowDays < 1 || windowDays > 366) {
            throw new IllegalArgumentException("mops.attribution.performance.window-days must be 1-366, not " + windowDays);
        }
        this.windowDays = windowDays;
        this.lookbackDays = lookbackDays;
        this.currency = currency;
        this.throttle = new PublicationThrottle(minimumInterval);
    }

    @Scheduled(every = "${mops.attribution.performance.interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return publish(LocalDate.now(ZoneOffset.UTC), Instant.now())
                .invoke(published -> Log.debugf("announced the performance of %d channel(s)", published.size()))
                .replaceWithVoid();
    }

    /**
     * Credits the {@code windowDays} up to and including {@code lastDay} and announces the channels that are due.
     * Runs on a Vert.x context (an event loop), as the database session requires.
     */
    Uni<List<ChannelPerformanceView>> publish(LocalDate lastDay, Instant now) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("the performance publisher runs on a Vert.x context");
        }
        LocalDate firstDay = lastDay.minusDays(windowDays - 1L);
        LocalDate previousLastDay = firstDay.minusDays(1);
        LocalDate previousFirstDay = previousLastDay.minusDays(windowDays - 1L);
        // Crediting ends on a worker thread; the database session belongs to the context.
        Executor onContext = command -> context.runOnContext(ignored -> command.run());
        return credit.credit(firstDay, lastDay, lookbackDays, currency, List.of(model)).emitOn(onContext)
                .flatMap(window -> credit.credit(previousFirstDay, previousLastDay, lookbackDays, currency,
                                List.of(model)).emitOn(onContext)
                        .flatMap(previousWindow -> {
                            Map<String, ChannelFigures> previous = new HashMap<>();
                            figures(previousWindow).forEach(f -> previous.put(f.channel(), f));
                            return Panache.withTransaction(() -> ChannelPerformancePublication
                                    .lastOf(model.name(), currency)
                                    .flatMap(last -> announce(firstDay, lastDay,
                                            throttle.due(figures(window), last, now),
                                            channel -> ChannelTrend.between(
                                                    previous.getOrDefault(channel.channel(),
                                                            ChannelFigures.nothing(channel.channel())),
                                                    channel, previousFirstDay, previousLastDay),
                                            now)));
                        }));
    }

    private List<ChannelFigures> figures(WindowCredit window) {
        List<ChannelFigures> figures = new ArrayList<>();
        Map<String, CreditComparison.ModelCredit> zero = Map.of(model.name(),
                new CreditComparison.ModelCredit(BigDecimal.ZERO, BigDecimal.ZERO, null));
        for (ChannelReturn channel : window.returns()) {
            CreditComparison.ModelCredit credited = window.credit().channels().stream()
                    .filter(row -> row.channel().equals(channel.channel())).findFirst()
                    .map(CreditComparison.ChannelRow::credit).orElse(zero).get(model.name());
            figures.add(new ChannelFigures(channel.channel(), credited.conversions(), credited.value(),
                    channel.spend() == null ? BigDecimal.ZERO : channel.spend(), channel.roas().get(model.name())));
        }
        return figures;
    }

    private Uni<List<ChannelPerformanceView>> announce(LocalDate firstDay, LocalDate lastDay, List<ChannelFigures> due,
                                                       Function<ChannelFigures, Trend> trend, Instant now) {
        Uni<List<ChannelPerformanceView>> chain = Uni.createFrom().item(new ArrayList<>());
        for (ChannelFigures figures : due) {
            ChannelPerformanceReport report = new ChannelPerformanceReport(figures.channel(), model.name(), firstDay,
                    lastDay, figures.creditedConversions(), figures.creditedValue(), figures.spend(), currency);
            chain = chain.flatMap(views -> performance.recordAndAnnounce(report, trend.apply(figures))
                    .call(() -> ChannelPerformancePublication.remember(model.name(), currency, figures, now))
                    .map(view -> {
                        views.add(view);
                        return views;
                    }));
        }
        return chain;
    }
}
