package io.mops.common.time;

import io.mops.common.problem.ConflictProblem;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Moves a simulated platform's time. Exists in every service but answers only in simulation mode (404 otherwise),
 * and only to the CoE: the simulator drives the clock with the CoE's service account.
 */
@Path("/sim/clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COE)
public class SimulationClockResource {

    /** Where the clock stands and which jobs ran at that time. */
    public record ClockState(Instant now, List<String> jobsRun) {
    }

    /** The instant to move the clock to. */
    public record ClockMove(@NotNull Instant now) {
    }

    private final PlatformClock platformClock;
    private final Instance<ClockDrivenJob> jobs;

    public SimulationClockResource(PlatformClock platformClock, Instance<ClockDrivenJob> jobs) {
        this.platformClock = platformClock;
        this.jobs = jobs;
    }

    @GET
    @Operation(summary = "The simulated clock's time (simulation mode only)")
    public ClockState now() {
        return new ClockState(simulatedClock().instant(), List.of());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the simulated clock forward and run every job that is due (simulation mode only)")
    public Uni<ClockState> advance(@NotNull @Valid ClockMove move) {
        SimulatedClock clock = simulatedClock();
        Instant now;
        try {
            now = clock.advanceTo(move.now());
        } catch (IllegalArgumentException backwards) {
            throw new ConflictProblem(backwards.getMessage());
        }
        List<ClockDrivenJob> ordered = jobs.stream().sorted(Comparator.comparingInt(ClockDrivenJob::order)
                .thenComparing(ClockDrivenJob::name)).toList();
        return Multi.createFrom().iterable(ordered)
                .onItem().transformToUniAndConcatenate(job -> job.runDue().replaceWith(job.name()))
                .collect().asList()
                .map(ran -> new ClockState(now, ran));
    }

    private SimulatedClock simulatedClock() {
        if (!platformClock.simulated()) {
            throw new NotFoundProblem("there is no simulated clock: this service runs on the system clock");
        }
        return platformClock.simulatedClock();
    }
}
