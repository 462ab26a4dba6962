package io.mops.budget.budgets;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/budget/plans")
@Tag(name = "Budget plans")
@SecurityRequirement(name = "SecurityScheme")
public class PlanResource {

    private final PlanService plans;
    private final CampaignService campaigns;
    private final OptimiseService optimiser;
    private final ChannelScope scope;

    public PlanResource(PlanService plans, CampaignService campaigns, OptimiseService optimiser, ChannelScope scope) {
        this.plans = plans;
        this.campaigns = campaigns;
        this.optimiser = optimiser;
        this.scope = scope;
    }

    @POST
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Create a budget plan: the total for a month or custom period, optionally with channel allocations")
    public Uni<Response> create(@NotNull @Valid PlanDraft draft) {
        return plans.create(draft, scope.caller().name())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "A plan with its channel allocations; a channel team sees only its own channel")
    public Uni<PlanView> get(@PathParam("id") UUID id) {
        return plans.view(id, scope.visibleChannel());
    }

    @PUT
    @Path("/{id}/allocations")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Set channel allocations, all together or none; never more than the total")
    public Uni<PlanView> reallocate(@PathParam("id") UUID id, @NotNull @Valid AllocationChange change) {
        return plans.reallocate(id, change);
    }

    @PUT
    @Path("/{id}/total")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Change a plan's total; never below what its channels already hold")
    public Uni<PlanView> changeTotal(@PathParam("id") UUID id, @NotNull @Valid TotalChange change) {
        return plans.changeTotal(id, change);
    }

    @POST
    @Path("/{id}/optimise")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Propose the split of the channel allocations with the highest expected attributed value, "
            + "with an explanation per channel; nothing is applied")
    public Uni<ProposalView> optimise(@PathParam("id") UUID id, @NotNull @Valid OptimiseRequest request) {
        return optimiser.propose(id, request);
    }

    @POST
    @Path("/{id}/campaigns")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Give a campaign a budget out of its channel's allocation (a channel team: its own channel)")
    public Uni<Response> createCampaign(@PathParam("id") UUID id, @NotNull @Valid CampaignDraft draft) {
        scope.requireAccess(draft.channel());
        return campaigns.create(id, draft, scope.caller().name())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @GET
    @Path("/{id}/campaigns")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "The plan's campaign budgets visible to the caller")
    public Uni<List<CampaignView>> campaigns(@PathParam("id") UUID id) {
        return campaigns.list(id, scope.visibleChannel());
    }
}
