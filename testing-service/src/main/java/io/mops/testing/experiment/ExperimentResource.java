package io.mops.testing.experiment;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/experiments")
@Tag(name = "Experiments")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class ExperimentResource {

    private final ChannelScope scope;
    private final ExperimentService experiments;

    public ExperimentResource(ChannelScope scope, ExperimentService experiments) {
        this.scope = scope;
        this.experiments = experiments;
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
        return experiments.create(draft, scope.caller().name())
                .map(e -> Response.status(Response.Status.CREATED).entity(ExperimentView.of(e)).build());
    }

    @GET
    @Path("/{key}")
    @WithSession
    @Operation(summary = "An experiment with its variants and lifecycle history")
    public Uni<ExperimentDetail> get(@PathParam("key") String key) {
        return ExperimentService.accessible(key, scope).chain(experiments::detail);
    }

    @PUT
    @Path("/{key}/variants")
    @WithTransaction
    @Operation(summary = "Set a draft's variants: 2 to 500, listed with weights adding up to 1 or generated as the "
            + "cross product of creative components")
    public Uni<ExperimentDetail> planVariants(@PathParam("key") String key, @NotNull @Valid VariantPlan plan) {
        return ExperimentService.accessibleForUpdate(key, scope).chain(e -> experiments.planVariants(e, plan));
    }

    @POST
    @Path("/{key}/status")
    @WithTransaction
    @Operation(summary = "Start, pause, resume or conclude an experiment; who, when and why are recorded")
    public Uni<ExperimentDetail> changeStatus(@PathParam("key") String key, @NotNull @Valid StatusChange change) {
        String by = scope.caller().name();
        return ExperimentService.accessibleForUpdate(key, scope).chain(e -> experiments.changeStatus(e, change, by));
    }

    @POST
    @Path("/{key}/start")
    @WithTransaction
    @Operation(summary = "Start a draft: 200 RUNNING when its campaign is cleared for launch (or it names none); "
            + "202 AWAITING_CLEARANCE when not yet, and it starts by itself when qa-service clears the campaign")
    @APIResponse(responseCode = "200", description = "The experiment runs")
    @APIResponse(responseCode = "202", description = "The experiment waits for its campaign's clearance; "
            + "waitingFor says why")
    public Uni<Response> start(@PathParam("key") String key, @Valid StartRequest request) {
        String by = scope.caller().name();
        String reason = request == null ? null : request.reason();
        return ExperimentService.accessibleForUpdate(key, scope).chain(e -> experiments.startOrAwait(e, reason, by))
                .map(started -> Response.status(started.awaiting() ? Response.Status.ACCEPTED : Response.Status.OK)
                        .entity(started.detail()).build());
    }
}
