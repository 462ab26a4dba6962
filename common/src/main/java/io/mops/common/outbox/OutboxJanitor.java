package io.mops.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the outbox small and observable: deletes rows published longer ago than the retention, forgets consumed
 * event ids once no redelivery can come that late, and exposes how far the relay is behind
 * ({@code mops_outbox_pending_events}, {@code mops_outbox_oldest_pending_seconds}) so that a stuck relay alerts.
 */
@ApplicationScoped
public class OutboxJanitor {

    private final OutboxConfig config;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    public OutboxJanitor(OutboxConfig config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.clock = clock;
        Gauge.builder("mops.outbox.pending.events", pending, AtomicLong::get)
                .description("Committed events not yet acknowledged by Kafka").register(registry);
        Gauge.builder("mops.outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest event waiting to be published").baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${mops.outbox.housekeeping-interval}", delayed = "${mops.outbox.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> housekeeping() {
        return measureBacklog().chain(this::purge).replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("outbox housekeeping failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    public Uni<Void> measureBacklog() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery("select count(*), min(created_at) from outbox_event where published_at is null",
                        Object[].class)
                .getSingleResult()
                .invoke(row -> {
                    pending.set(((Number) row[0]).longValue());
                    oldestPendingSeconds.set(row[1] == null ? 0
                            : Duration.between(toInstant(row[1]), Instant.now(clock)).toSeconds());
                }))).replaceWithVoid();
    }

    /** @return how many published outbox rows and how many consumed-event records were deleted */
    public Uni<long[]> purge() {
        Instant publishedBefore = Instant.now(clock).minus(config.retention());
        Instant processedBefore = Instant.now(clock).minus(config.processedEventRetention());
        return Panache.withTransaction(() -> OutboxEvent.delete("publishedAt < ?1", publishedBefore)
                .flatMap(outbox -> io.mops.common.inbox.ProcessedEvent.delete("processedAt < ?1", processedBefore)
                        .map(inbox -> new long[]{outbox, inbox})));
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime odt -> odt.toInstant();
            case java.time.LocalDateTime ldt -> ldt.toInstant(java.time.ZoneOffset.UTC);
            default -> Instant.parse(value.toString());
        };
    }
}
