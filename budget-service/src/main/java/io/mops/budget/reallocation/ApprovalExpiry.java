package io.mops.budget.reallocation;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Drops proposals whose approval request lapsed: approval-service does not announce expiry itself. */
@ApplicationScoped
public class ApprovalExpiry {

    private final ReallocationService reallocation;

    public ApprovalExpiry(ReallocationService reallocation) {
        this.reallocation = reallocation;
    }

    @Scheduled(every = "${mops.budget.reallocation.expiry-check:1m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return reallocation.expire(Instant.now())
                .invoke(lapsed -> Log.debugf("%d reallocation proposal(s) lapsed undecided", lapsed))
                .replaceWithVoid();
    }
}
