package io.mops.common.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

@Singleton
class OutboxDisabled implements Scheduled.SkipPredicate {

    private final OutboxConfig config;

    OutboxDisabled(OutboxConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.enabled();
    }
}
