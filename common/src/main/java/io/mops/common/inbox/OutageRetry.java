package io.mops.common.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a consumer's work while the database is unavailable ({@link DatabaseOutage}), with exponential backoff
 * (Mutiny's {@code retry().withBackOff(..).expireAt(..)}), within one budget per delivery
 * ({@code mops.consumer.database-outage.budget}). Every Kafka consumer goes through here: single-record listeners by
 * {@link RetryWhileDatabaseAway} on their {@code @Incoming} method, batch listeners around each transaction of a
 * poll with one {@link Budget} for the whole poll. What the budget does not cover fails with the outage as its
 * cause, which the channel's failure strategy ({@link CountedDeadLetterQueue}) never dead-letters.
 * <p>
 * The work must be safe to run again: every consumer applies an event once by its id, and a failed attempt's
 * transaction was rolled back. Each attempt is subscribed on the Vert.x context of the call, because Hibernate
 * Reactive and the SQL client must run there and Mutiny's backoff wakes up on a worker thread.
 */
@Startup
@ApplicationScoped
public class OutageRetry {

    public static final String METRIC = "mops.consumer.database.outage.retries";

    private final OutageRetryConfig config;
    private final Counter retries;

    public OutageRetry(OutageRetryConfig config, MeterRegistry registry) {
        this.config = config;
        Duration allowed = config.throttledLimit().minus(config.margin());
        if (config.budget().compareTo(allowed) > 0) {
            throw new IllegalStateException("mops.consumer.database-outage.budget=" + config.budget()
                    + " must not exceed the throttled-commit limit " + config.throttledLimit() + " less the margin "
                    + config.margin() + ": a record unacknowledged that long fails its channel");
        }
        this.retries = Counter.builder(METRIC)
                .description("Attempts of Kafka consumers retried because the database was unavailable")
                .register(registry);
    }

    /** A budget for one delivery, starting now. */
    public Budget budget() {
        return new Budget(System.currentTimeMillis() + config.budget().toMillis());
    }

    /** {@code work} retried while the database is away, within a budget of its own. */
    public <T> Uni<T> untilBack(Supplier<Uni<T>> work) {
        return budget().untilBack(work);
    }

    /** The time one delivery may spend waiting for the database, shared by every transaction it runs. */
    public final class Budget {

        private final long deadline;

        private Budget(long deadline) {
            this.deadline = deadline;
        }

        /** {@code work} (assembled afresh for every attempt) retried while the database is away, until the deadline. */
        public <T> Uni<T> untilBack(Supplier<Uni<T>> work) {
            Context context = Vertx.currentContext();
            Uni<T> attempt = Uni.createFrom().deferred(work::get);
            if (context != null) {
                attempt = attempt.runSubscriptionOn(task -> {
                    if (Vertx.currentContext() == context) {
                        task.run();
                    } else {
                        context.runOnContext(ignored -> task.run());
                    }
                });
            }
            return attempt
                    .onFailure(DatabaseOutage::isOutage).invoke(failure -> {
                        retries.increment();
                        Log.warnf("database unavailable, retrying for at most %d s more: %s",
                                Math.max(0, (deadline - System.currentTimeMillis()) / 1000), failure.toString());
                    })
                    .onFailure(DatabaseOutage::isOutage).retry()
                    .withBackOff(config.initialBackoff(), config.maxBackoff())
                    .expireAt(deadline);
        }
    }
}
