package io.mops.testing.reweighing;

import io.mops.common.problem.ConflictProblem;
import io.mops.common.time.ClockDrivenJob;
import io.mops.testing.experiment.Experiment;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Re-weights every running experiment whose cadence ({@code reweighEvery}) has elapsed, each in its own
 * transaction, as the service itself. An experiment that cannot be re-weighted yet (too little data) is skipped
 * until its next turn; a failure of one never stops the others.
 */
@ApplicationScoped
public class ScheduledReweighing implements ClockDrivenJob {

    static final String ACTOR = "testing-service (scheduled re-weighting)";

    private final ReweighingService reweighing;
    private final Clock clock;

    public ScheduledReweighing(ReweighingService reweighing, Clock clock) {
        this.clock = clock;
        this.reweighing = reweighing;
    }

    @Scheduled(every = "${mops.testing.bandit.scheduler-tick}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reweighDueExperiments() {
        return runDue();
    }

    @Override
    public String name() {
        return "bandit re-weighting";
    }

    /** Re-weights every running experiment whose cadence has come round at the platform clock's now. */
    @Override
    public Uni<Void> runDue() {
        return Panache.withSession(() -> Experiment.dueForReweighing(Instant.now(clock)))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(e -> reweigh(e.id, e.key))
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> reweigh(UUID experimentId, String key) {
        return Panache.withTransaction(() -> Experiment.<Experiment>findById(experimentId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(experiment -> Uni.createFrom().deferred(() -> reweighing.reweigh(experiment, ACTOR))
                                .onFailure(ConflictProblem.class).recoverWithItem(conflict -> {
                                    // The attempt counts: lastReweighedAt is kept, so the next one waits a full cadence.
                                    experiment.lastReweighedAt = Instant.now(clock);
                                    Log.debugf("experiment %s not re-weighted: %s", key, conflict.getMessage());
                                    return null;
                                })))
                .onFailure().recoverWithItem(failure -> {
                    Log.warnf(failure, "scheduled re-weighting of experiment %s failed", key);
                    return null;
                })
                .replaceWithVoid();
    }
}
