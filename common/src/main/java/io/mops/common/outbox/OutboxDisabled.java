package io.mops.common.outbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the relay back while it is switched off, and until start-up is over: the scheduler may fire before
 * SmallRye Reactive Messaging has wired the {@code mops-outbox} channel, which would fail the first ticks.
 */
@Singleton
class OutboxDisabled implements Scheduled.SkipPredicate {

    private final OutboxConfig config;
    private final AtomicBoolean started = new AtomicBoolean();

    OutboxDisabled(OutboxConfig config) {
        this.config = config;
    }

    // Observed after the platform's own start-up observers, messaging's among them.
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        started.set(true);
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !started.get() || !config.enabled();
    }
}
