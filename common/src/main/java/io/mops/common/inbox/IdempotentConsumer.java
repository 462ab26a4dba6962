package io.mops.common.inbox;

import io.mops.common.events.ReceivedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in the same transaction as
 * the effect, so either both commit or neither does, and a redelivered event finds its id and is skipped.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final Clock clock;

    public IdempotentConsumer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param consumer a stable name for the effect (two different effects of one event need two names)
     * @return whether the effect was applied now ({@code false} for a duplicate)
     */
    public <T> Uni<Boolean> applyOnce(String consumer, ReceivedEvent<T> event,
                                      Function<ReceivedEvent<T>, Uni<?>> effect) {
        ProcessedEvent.Key key = new ProcessedEvent.Key(consumer, event.id());
        return Panache.withTransaction(() -> ProcessedEvent.<ProcessedEvent>findById(key).flatMap(seen -> {
            if (seen != null) {
                Log.debugf("%s already applied event %s, skipping the redelivery", consumer, event.id());
                return Uni.createFrom().item(false);
            }
            ProcessedEvent processed = new ProcessedEvent();
            processed.key = key;
            processed.processedAt = Instant.now(clock);
            return processed.persist().chain(() -> effect.apply(event)).replaceWith(true);
        }));
    }
}
