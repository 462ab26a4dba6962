package io.mops.common.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.mops.common.events.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and marks them published once Kafka acknowledges.
 *
 * <p>Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas of a service can relay at once
 * without publishing a row twice. A batch stops at the first failure so that events of one subject are not
 * reordered; the failed row keeps its place and is retried on the next tick. Delivery is at least once:
 * a crash between Kafka's acknowledgement and the commit republishes the row, which is why every consumer
 * de-duplicates by event id. Rows keep the platform's topic name ({@link Topics}); the environment's prefix
 * ({@code mops.topic-prefix}) is put before it when publishing.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "mops-outbox";

    private final MutinyEmitter<String> emitter;
    private final OutboxConfig config;
    private final Clock clock;
    private final String topicPrefix;
    private final AtomicBoolean kafkaWasDown = new AtomicBoolean();
    private final MeterRegistry registry;
    private final Counter failedAttempts;

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter, OutboxConfig config, MeterRegistry registry,
                       @ConfigProperty(name = "mops.topic-prefix") Optional<String> topicPrefix, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
        this.config = config;
        this.topicPrefix = topicPrefix.orElse("");
        this.registry = registry;
        this.failedAttempts = Counter.builder("mops.outbox.failed.attempts")
                .description("Publication attempts that failed and will be retried").register(registry);
    }

    @Scheduled(every = "${mops.outbox.poll-interval}", delayed = "${mops.outbox.initial-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = OutboxDisabled.class)
    Uni<Void> relayPending() {
        return publishBatch().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("outbox relay tick failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Publishes up to one batch; returns how many rows were published. */
    public Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(this::claim)
                .flatMap(rows -> publishInOrder(rows, 0)));
    }

    private Uni<Integer> publishInOrder(List<OutboxEvent> rows, int index) {
        if (index == rows.size()) {
            return Uni.createFrom().item(index);
        }
        return publish(rows.get(index)).flatMap(published -> published
                ? publishInOrder(rows, index + 1)
                : Uni.createFrom().item(index));
    }

    private Uni<List<OutboxEvent>> claim(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select * from outbox_event
                        where published_at is null
                        order by created_at, id
                        limit :limit
                        for update skip locked""", OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
    }

    private Uni<Boolean> publish(OutboxEvent row) {
        Message<String> message = Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicPrefix + row.topic)
                .withKey(row.messageKey)
                .build());
        return emitter.sendMessage(message)
                .map(ignored -> {
                    row.publishedAt = Instant.now(clock);
                    row.attempts++;
                    row.lastError = null;
                    published(row.eventType).increment();
                    if (kafkaWasDown.compareAndSet(true, false)) {
                        Log.info("outbox relay is publishing again");
                    }
                    return true;
                })
                .onFailure().recoverWithItem(e -> {
                    row.attempts++;
                    row.lastError = e.getMessage();
                    failedAttempts.increment();
                    if (kafkaWasDown.compareAndSet(false, true)) {
                        Log.warnf("outbox relay cannot publish event %s to %s, will retry: %s",
                                row.id, row.topic, e.getMessage());
                    }
                    return false;
                });
    }

    /** Per event type, so that an operator sees what the loop does (proposals, decisions, pacing alerts) as rates. */
    private Counter published(String eventType) {
        return Counter.builder("mops.outbox.published").tag("event_type", eventType)
                .description("Events Kafka acknowledged").register(registry);
    }
}
