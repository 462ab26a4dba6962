package io.mops.testing.assignment;

import io.mops.common.problem.ConflictProblem;
import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.ExperimentService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.function.Function;

@Path("/experiments/{key}/assignments")
@Tag(name = "Assignment")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class AssignmentResource {

    private final ChannelScope scope;
    private final AssignerCache assigners;

    public AssignmentResource(ChannelScope scope, AssignerCache assigners) {
        this.scope = scope;
        this.assigners = assigners;
    }

    @POST
    @WithSession
    @Operation(summary = "The variant a unit sees: deterministic and sticky while the split is unchanged; after "
            + "the experiment concluded with a winner, the winner for every unit")
    public Uni<AssignmentRequest.Single> assign(@PathParam("key") String key,
                                                @NotNull @Valid AssignmentRequest.One request) {
        return serving(key).chain(e -> variantOf(e).map(variantFor -> new AssignmentRequest.Single(e.key,
                e.allocationVersion, request.unitId(), variantFor.apply(request.unitId()))));
    }

    @POST
    @Path("/bulk")
    @WithSession
    @Operation(summary = "The variants of up to 10,000 units at once")
    public Uni<AssignmentRequest.Assignments> assignAll(@PathParam("key") String key,
                                                        @NotNull @Valid AssignmentRequest.Bulk request) {
        return serving(key).chain(e -> variantOf(e).map(variantFor -> new AssignmentRequest.Assignments(
                e.key, e.allocationVersion, request.unitIds().stream()
                .map(unit -> new AssignmentRequest.Assignment(unit, variantFor.apply(unit))).toList())));
    }

    /**
     * A concluded experiment's winner is rolled out to everyone, the units that saw another variant during the
     * experiment included: keeping them on a losing variant would go on paying the cost the experiment was run to
     * stop paying.
     */
    private Uni<Function<String, String>> variantOf(Experiment experiment) {
        if (experiment.rollsOutWinner()) {
            String winner = experiment.winner;
            return Uni.createFrom().item(unit -> winner);
        }
        return assigners.assignerFor(experiment).map(assigner -> assigner::variantFor);
    }

    private Uni<Experiment> serving(String key) {
        return ExperimentService.accessible(key, scope).invoke(e -> {
            if (e.status != Experiment.Status.RUNNING && !e.rollsOutWinner()) {
                throw new ConflictProblem("experiment '" + key + "' is " + e.status
                        + (e.status == Experiment.Status.CONCLUDED ? " without a winner" : "")
                        + "; units are assigned while it runs, and after it concluded with a winner");
            }
        });
    }
}
