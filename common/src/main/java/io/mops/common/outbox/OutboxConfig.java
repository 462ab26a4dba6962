package io.mops.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the transactional outbox is relayed to Kafka. */
@ConfigMapping(prefix = "mops.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox at all (turn off on instances that must only write). */
    @WithDefault("true")
    boolean enabled();

    /** How often pending rows are looked for. */
    @WithDefault("1s")
    String pollInterval();

    /** How long after start-up the first look happens. */
    @WithDefault("2s")
    String initialDelay();

    /** How many rows one tick claims at most. */
    @WithDefault("100")
    int batchSize();

    /** How often published rows are purged and the backlog is measured. */
    @WithDefault("1m")
    String housekeepingInterval();

    /** How long a published row is kept (for inspection and replay by hand). */
    @WithDefault("P7D")
    java.time.Duration retention();

    /**
     * How long a consumed event id is remembered. Must exceed the longest time a message can be redelivered
     * (Kafka's retention of the topics), or a very late redelivery would be applied twice.
     */
    @WithDefault("P30D")
    java.time.Duration processedEventRetention();
}
