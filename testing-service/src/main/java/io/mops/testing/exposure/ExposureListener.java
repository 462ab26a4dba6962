package io.mops.testing.exposure;

import io.mops.common.events.EventCodec;
import io.mops.common.events.ExposureObserved;
import io.mops.common.events.OutcomeObserved;
import io.mops.common.events.PoisonEventException;
import io.mops.common.inbox.IdempotentConsumer;
import io.mops.common.inbox.RetryWhileDatabaseAway;
import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.problem.Problem;
import io.mops.testing.experiment.Experiment;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Takes in exposures and outcomes from the channels' delivery systems ({@code mops.ingest.exposures},
 * {@code mops.ingest.outcomes}) through the same {@link ExposureService} as the REST endpoints, so both count by the
 * same rules. Each event is a batch of one. A message that can never be applied (unknown experiment or variant,
 * a value of the wrong kind for the metric, an experiment that no longer collects) is dead-lettered with the rule it
 * broke; a redelivered one is recognised by its event id.
 */
@ApplicationScoped
public class ExposureListener {

    static final String EXPOSURES = "testing.exposures";
    static final String OUTCOMES = "testing.outcomes";

    /**
     * Exposures and outcomes travel on different topics, so a unit's outcome may be consumed just before its
     * exposure. An outcome for an unexposed unit is therefore retried for about three seconds before it is
     * dead-lettered as never exposed.
     */
    private static final Duration FIRST_WAIT_FOR_EXPOSURE = Duration.ofMillis(100);
    private static final int WAITS_FOR_EXPOSURE = 5;

    private final EventCodec codec;
    private final IdempotentConsumer idempotent;
    private final ExposureService exposures;

    public ExposureListener(EventCodec codec, IdempotentConsumer idempotent, ExposureService exposures) {
        this.codec = codec;
        this.idempotent = idempotent;
        this.exposures = exposures;
    }

    @Incoming("experiment-exposures")
    @RetryWhileDatabaseAway
    public Uni<Void> onExposure(String payload) {
        return Uni.createFrom().item(() -> codec.read(payload, ExposureObserved.TYPE))
                .flatMap(event -> idempotent.applyOnce(EXPOSURES, event, e -> {
                    ExposureObserved seen = e.data();
                    ExposureReport report = new ExposureReport(
                            List.of(new ExposureReport.Seen(seen.unitId(), seen.variant())));
                    return Experiment.byKey(seen.experimentKey())
                            .chain(experiment -> exposures.recordExposures(experiment, report));
                }))
                .onFailure(ExposureListener::isBrokenRule).transform(ExposureListener::poison)
                .replaceWithVoid();
    }

    @Incoming("experiment-outcomes")
    @RetryWhileDatabaseAway
    public Uni<Void> onOutcome(String payload) {
        return Uni.createFrom().item(() -> codec.read(payload, OutcomeObserved.TYPE))
                .flatMap(event -> idempotent.applyOnce(OUTCOMES, event, e -> {
                            OutcomeObserved outcome = e.data();
                            OutcomeReport report = new OutcomeReport(List.of(
                                    new OutcomeReport.Outcome(outcome.unitId(), outcome.value(), outcome.metric())));
                            return Experiment.byKey(outcome.experimentKey())
                                    .chain(experiment -> exposures.recordOutcomes(experiment, report));
                        })
                        .onFailure(ExposureListener::isUnexposedUnit)
                        .retry().withBackOff(FIRST_WAIT_FOR_EXPOSURE).atMost(WAITS_FOR_EXPOSURE))
                .onFailure(ExposureListener::isBrokenRule).transform(ExposureListener::poison)
                .replaceWithVoid();
    }

    /** The failures a REST caller would get as a 400, 404 or 409: the message itself is at fault. */
    private static boolean isBrokenRule(Throwable failure) {
        return failure instanceof InvalidRequestException
                || failure instanceof NotFoundProblem
                || failure instanceof ConflictProblem;
    }

    private static boolean isUnexposedUnit(Throwable failure) {
        return failure instanceof InvalidRequestException invalid
                && invalid.violations().stream().anyMatch(v -> v.field().endsWith(".unitId"));
    }

    /** The reason names the event's own field ({@code value}, not {@code outcomes[0].value}). */
    private static PoisonEventException poison(Throwable failure) {
        if (failure instanceof InvalidRequestException invalid) {
            return new PoisonEventException(invalid.violations().stream()
                    .map(ExposureListener::describe)
                    .collect(Collectors.joining("; ")), failure);
        }
        return new PoisonEventException(failure.getMessage(), failure);
    }

    private static String describe(Problem.Violation violation) {
        String field = violation.field();
        return field.substring(field.indexOf('.') + 1) + ": " + violation.message();
    }
}
