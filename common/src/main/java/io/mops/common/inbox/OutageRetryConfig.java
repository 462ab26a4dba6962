package io.mops.common.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How long a Kafka consumer retries a record while the database is away ({@link OutageRetry}), before it gives up
 * on it without dead-lettering it (the channel stops; see docs/operations.md, "The database away").
 */
@ConfigMapping(prefix = "mops.consumer.database-outage")
public interface OutageRetryConfig {

    /**
     * The total time one delivery (a record, or a batch consumer's poll) is retried for. Must stay safely under the
     * Kafka connector's throttled-commit limit ({@code throttled.unprocessed-record-max-age.ms}, 60 s): a record
     * unacknowledged for longer fails the channel anyway. Checked at start-up against
     * {@link #throttledLimit()} less {@link #margin()}.
     */
    @WithDefault("40s")
    Duration budget();

    /** The first wait between attempts; it doubles (with jitter) up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** The longest wait between two attempts. */
    @WithDefault("5s")
    Duration maxBackoff();

    /**
     * The connector's throttled-commit limit the budget must stay under: the connector's default; change it only
     * with every channel's {@code throttled.unprocessed-record-max-age.ms}.
     */
    @WithDefault("60s")
    Duration throttledLimit();

    /** What the budget leaves of the limit, for the poll's own work and a record queued behind it. */
    @WithDefault("10s")
    Duration margin();
}
