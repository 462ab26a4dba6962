package io.mops.common.inbox;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * SmallRye's {@code dead-letter-queue} failure strategy, counted by {@link DeadLetterMeter}, that never dead-letters a
 * record for the database being away. A channel configured with
 * {@code failure-strategy=counted-dead-letter-queue} writes its poison to the dead-letter topic exactly as the
 * connector's strategy does (same topic setting, same headers) and counts each one; the connector has no metric of
 * its own for dead letters.
 * <p>
 * A record that failed because the database was unavailable ({@link DatabaseOutage}) — which reaches this strategy
 * only once {@link OutageRetry}'s budget ran out — is handed to the connector's {@code fail} strategy instead: the
 * channel stops without committing past the record, and reports the outage to its health checks (liveness and
 * readiness DOWN). Kafka delivers the record again to the consumer that takes over the partitions, after the service
 * is restarted (in a cluster, by its liveness probe), and the consumer applies it once by its event id. Dead-lettering
 * it instead would ask a person to replay a record nothing was wrong with.
 */
@ApplicationScoped
@Identifier(CountedDeadLetterQueue.STRATEGY)
public class CountedDeadLetterQueue implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "counted-dead-letter-queue";

    private final KafkaFailureHandler.Factory deadLetterQueue;
    private final KafkaFailureHandler.Factory failStop;
    private final DeadLetterMeter meter;

    public CountedDeadLetterQueue(
            @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue,
            @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory failStop,
            DeadLetterMeter meter) {
        this.deadLetterQueue = deadLetterQueue;
        this.failStop = failStop;
        this.meter = meter;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
                                      KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetters = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler stop = failStop.create(config, vertx, consumer, reportFailure);
        String channel = config.getChannel();
        AtomicBoolean stopped = new AtomicBoolean();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (DatabaseOutage.isOutage(reason)) {
                    // A failed poll nacks each of its records: one line says it all.
                    if (!stopped.getAndSet(true)) {
                        Log.errorf("channel %s: the database stayed unavailable beyond the retry budget; record "
                                        + "%s-%d@%d is not dead-lettered, the channel stops uncommitted and Kafka "
                                        + "delivers it again after a restart: %s", channel, record.getTopic(),
                                record.getPartition(), record.getOffset(), reason.toString());
                    }
                    return stop.handle(record, reason, metadata);
                }
                // The reason travels in the dead letter's headers; the log says it too, so that a failure in a
                // service's own code (not the message) is seen where the service is watched.
                Log.warnf("channel %s: record %s-%d@%d dead-lettered: %s", channel, record.getTopic(),
                        record.getPartition(), record.getOffset(), reason.toString());
                return deadLetters.handle(record, reason, metadata)
                        .invoke(() -> meter.deadLettered(record.getTopic()));
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
                stop.terminate();
            }
        };
    }
}
