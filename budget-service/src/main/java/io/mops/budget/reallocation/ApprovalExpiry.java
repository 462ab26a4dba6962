package io.mops.budget.reallocation;

import io.mops.common.time.ClockDrivenJob;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/** Drops proposals whose approval request lapsed: approval-service does not announce expiry itself. */
@ApplicationScoped
public class ApprovalExpiry implements ClockDrivenJob {

    private final ReallocationService reallocation;
    private final Clock clock;

    public ApprovalExpiry(ReallocationService reallocation, Clock clock) {
        this.clock = clock;
        this.reallocation = reallocation;
    }

    @Scheduled(every = "${mops.budget.reallocation.expiry-check:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runDue();
    }

    @Override
    public String name() {
        return "reallocation approval expiry";
    }

    @Override
    public Uni<Void> runDue() {
        return reallocation.expire(Instant.now(clock))
                .invoke(lapsed -> Log.debugf("%d reallocation proposal(s) lapsed undecided", lapsed))
                .replaceWithVoid();
    }
}
