package io.mops.common.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts the messages a service dead-letters, per topic they were read from ({@code mops_dead_letters_total}), whichever
 * path sent them: the connector's strategy ({@link CountedDeadLetterQueue}) or a batch consumer's own {@link DeadLetter}s.
 * The CoE overview reads it from every service's {@code /q/metrics}.
 */
@ApplicationScoped
public class DeadLetterMeter {

    public static final String METRIC = "mops.dead.letters";

    private final MeterRegistry registry;

    public DeadLetterMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One message read from {@code topic} was sent to the dead-letter topic. */
    public void deadLettered(String topic) {
        Counter.builder(METRIC).tag("topic", topic)
                .description("Messages sent to the dead-letter topic").register(registry).increment();
    }
}
