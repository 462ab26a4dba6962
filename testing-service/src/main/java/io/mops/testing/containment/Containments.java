package io.mops.testing.containment;

import io.mops.common.events.ContainmentApplied;
import io.mops.common.events.ContainmentLifted;
import io.mops.common.events.ReceivedEvent;
import io.mops.common.problem.ConflictProblem;
import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.ExperimentHold;
import io.mops.testing.experiment.ExperimentService;
import io.mops.testing.launch.LaunchGate;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The risk guard's {@code PAUSE_EXPERIMENT} in testing-service (issue 15). A containment pauses every running
 * experiment of its channel, recorded as a transition by the risk guard; while it is open no experiment of the channel
 * starts or resumes (a 409 saying which anomaly holds it). Only a person lifts it: budget-service's
 * {@code ContainmentLifted} names who resolved the anomaly, and the experiments it paused resume as that person's
 * transition with their comment — unless another open containment still holds the channel, the experiment was
 * concluded meanwhile, or its campaign is no longer cleared for launch (those stay paused). Experiments of the
 * channel that wait for their campaign's clearance and found it given while the channel was held start then too.
 */
@ApplicationScoped
public class Containments implements ExperimentHold {

    static final String PAUSE_EXPERIMENT = "PAUSE_EXPERIMENT";

    private final Clock clock;
    private final LaunchGate launch;
    private final ExperimentService experiments;

    public Containments(Clock clock, LaunchGate launch, ExperimentService experiments) {
        this.clock = clock;
        this.launch = launch;
        this.experiments = experiments;
    }

    @Override
    public Uni<Void> requireFree(Experiment experiment) {
        return ExperimentContainment.<ExperimentContainment>find(
                        "channel = ?1 and liftedAt is null order by appliedAt", experiment.channel)
                .firstResult().invoke(open -> {
                    if (open != null) {
                        throw new ConflictProblem("the " + experiment.channel + " channel's experiments are paused by "
                                + "the risk guard (" + open.detector + ", anomaly " + open.anomalyId + ", since "
                                + open.appliedAt + "); they run again when a person resolves the anomaly (budget-service "
                                + "POST /budget/guard/anomalies/" + open.anomalyId + "/resolve, or granting its "
                                + "Incident in approval-service)");
                    }
                }).replaceWithVoid();
    }

    /** Call it inside the transaction that records the event as consumed. */
    Uni<Void> applied(ReceivedEvent<ContainmentApplied> event) {
        ContainmentApplied data = event.data();
        Instant now = Instant.now(clock);
        String by = "risk guard (anomaly " + data.anomalyId() + ")";
        String reason = cut(data.detector() + " on " + data.channel() + ": paused by the risk guard's containment; "
                + "it resumes when a person resolves anomaly " + data.anomalyId(), 400);
        return ExperimentContainment.<ExperimentContainment>findById(data.anomalyId()).chain(known -> {
            if (known != null) {
                return Uni.createFrom().voidItem();
            }
            return Experiment.<Experiment>find("channel = ?1 and status = ?2 order by key", data.channel(),
                            Experiment.Status.RUNNING).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                    .chain(running -> Multi.createFrom().iterable(running)
                            .onItem().transformToUniAndConcatenate(e -> ExperimentService.recordTransition(e,
                                    Experiment.Status.PAUSED, by, reason, now).map(x -> e.key))
                            .collect().asList())
                    .chain(paused -> {
                        ExperimentContainment row = new ExperimentContainment();
                        row.anomalyId = data.anomalyId();
                        row.channel = data.channel();
                        row.detector = data.detector();
                        row.appliedAt = now;
                        row.appliedBy = cut(data.appliedBy(), 200);
                        row.pausedExperiments = paused.isEmpty() ? null : String.join(",", paused);
                        Log.infof("containment of anomaly %s paused %d experiment(s) of %s", data.anomalyId(),
                                paused.size(), data.channel());
                        return row.persist().replaceWithVoid();
                    });
        });
    }

    /** Call it inside the transaction that records the event as consumed. */
    Uni<Void> lifted(ReceivedEvent<ContainmentLifted> event) {
        ContainmentLifted data = event.data();
        return ExperimentContainment.<ExperimentContainment>findById(data.anomalyId()).chain(row -> {
            if (row == null || !row.open()) {
                Log.infof("containment of anomaly %s lifted: %s", data.anomalyId(),
                        row == null ? "it paused nothing here" : "already lifted");
                return Uni.createFrom().voidItem();
            }
            row.liftedAt = Instant.now(clock);
            row.liftedBy = cut(data.liftedBy(), 200);
            row.liftComment = data.comment();
            String reason = cut("risk guard's containment (anomaly " + data.anomalyId() + ") lifted"
                    + (data.comment() == null ? "" : ": " + data.comment()), 400);
            List<String> paused = row.pausedExperiments == null ? List.of()
                    : List.of(row.pausedExperiments.split(","));
            List<String> resumed = new ArrayList<>();
            return ExperimentContainment.count("channel = ?1 and liftedAt is null and anomalyId <> ?2", row.channel,
                    row.anomalyId).chain(stillHeld -> {
                if (stillHeld > 0) {
                    return Uni.createFrom().voidItem();
                }
                return Multi.createFrom().iterable(paused)
                        .onItem().transformToUniAndConcatenate(key -> resume(key, row.liftedBy, reason, row.liftedAt)
                                .invoke(done -> done.ifPresent(resumed::add)))
                        .collect().asList()
                        // Those asked to start whose clearance came while the channel was held start now too.
                        .chain(() -> experiments.startAwaitingOnChannel(row.channel, row.liftedBy, reason,
                                row.liftedAt))
                        .invoke(started -> {
                            if (!started.isEmpty()) {
                                Log.infof("containment of anomaly %s lifted: %s started, their campaign cleared",
                                        data.anomalyId(), started);
                            }
                        })
                        .replaceWithVoid();
            }).invoke(() -> row.resumedExperiments = resumed.isEmpty() ? null : String.join(",", resumed));
        });
    }

    /** Resumes the experiment if the containment's pause is still its state and its campaign is still cleared. */
    private Uni<Optional<String>> resume(String key, String by, String reason, Instant at) {
        return Experiment.byKeyForUpdate(key).chain(experiment -> {
            if (experiment.status != Experiment.Status.PAUSED) {
                return Uni.createFrom().item(Optional.<String>empty());
            }
            return launch.requireCleared(experiment.key, experiment.campaignId)
                    .chain(() -> ExperimentService.recordTransition(experiment, Experiment.Status.RUNNING, by, reason,
                            at))
                    .map(e -> Optional.of(e.key))
                    .onFailure(ConflictProblem.class).recoverWithItem(failure -> {
                        Log.infof("%s stays paused after the containment: %s", key, failure.getMessage());
                        return Optional.empty();
                    });
        });
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
