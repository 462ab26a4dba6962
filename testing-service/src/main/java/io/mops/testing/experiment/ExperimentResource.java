package io.mops.testing.experiment;

import io.mops.common.problem.ConflictProblem;
import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/experiments")
@Tag(name = "Experiments")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class ExperimentResource {

    private final ChannelScope scope;

    public ExperimentResource(ChannelScope scope) {
        this.scope = scope;
    }

    @GET
    @WithSession
    @Operation(summary = "Experiments visible to the caller: its own channel's, or all for the CoE")
    public Uni<List<ExperimentView>> list() {
        return Experiment.visibleTo(scope.visibleChannel()).map(all -> all.stream().map(ExperimentView::of).toList());
    }

    @POST
    @WithTransaction
    @Operation(summary = "Create a draft experiment for a channel the caller owns")
    public Uni<Response> create(@NotNull @Valid ExperimentDraft draft) {
        scope.requireAccess(draft.channel());
        String createdBy = scope.caller().name();
        return Experiment.keyTaken(draft.key()).flatMap(taken -> {
            if (taken) {
                throw new ConflictProblem("an experiment with key '" + draft.key() + "' already exists");
            }
            Experiment experiment = new Experiment();
            experiment.id = UUID.randomUUID();
            experiment.key = draft.key();
            experiment.name = draft.name();
            experiment.channel = draft.channel();
            experiment.status = Experiment.Status.DRAFT;
            experiment.createdBy = createdBy;
            experiment.createdAt = Instant.now();
            return experiment.<Experiment>persist();
        }).map(e -> Response.status(Response.Status.CREATED).entity(ExperimentView.of(e)).build());
    }
}
