package io.mops.budget.budgets;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
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
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Budget plans, newest period first, in pages; a channel team sees the plans that allocate "
            + "money to its channel, each with only its own channel")
    @APIResponse(responseCode = "200", description = "One page of plans (an empty list after the last page)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = PlanView.class),
                    examples = @ExampleObject(name = "this month's plan", value = PLAN_LIST_EXAMPLE)))
    public Uni<List<PlanView>> list(
            @Parameter(description = "only plans that allocate money to this channel (a channel team may name only "
                    + "its own); also narrows each plan's channels to it", example = "email")
            @QueryParam("channel") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
            String channel,
            @Parameter(description = "only plans in this currency (ISO 4217)", example = "EUR")
            @QueryParam("currency") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            String currency,
            @Parameter(description = "only plans whose period contains this day", example = "2026-12-07")
            @QueryParam("activeOn") LocalDate activeOn,
            @Parameter(description = "only plans whose name contains this text, ignoring case", example = "demo")
            @QueryParam("name") @Size(max = 200) String name,
            @Parameter(description = "page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "plans per page") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500)
            int limit) {
        PlanFilter filter = new PlanFilter(scope.visibleChannel(channel), Optional.ofNullable(currency),
                Optional.ofNullable(activeOn), Optional.ofNullable(name).filter(n -> !n.isBlank()));
        return plans.list(filter, page, limit);
    }

    static final String PLAN_LIST_EXAMPLE = """
            [{"id": "0b7f3c52-8d0e-4b8e-9a51-2f61c1f0e2aa", "name": "Demo 2026-12", "currency": "EUR",
              "total": 60000.00, "allocated": 54000.00, "unallocated": 6000.00,
              "periodStart": "2026-12-01", "periodEnd": "2026-12-31", "pacing": "EVEN", "pacingTolerance": 0.10,
              "version": 3,
              "channels": [{"channel": "email", "allocation": 6000.00, "committedToCampaigns": 2500.00,
                            "uncommitted": 3500.00}]}]""";

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "A plan with its channel allocations; a channel team sees only its own channel")
    public Uni<PlanView> get(@PathParam("id") UUID id) {
        return plans.view(id, scope.visibleChannel());
    }

    @GET
    @Path("/{id}/pacing")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Spend against plan over the plan's period, day by day and cumulative: the whole plan "
            + "against its total, or one channel against its allocation (a channel team sees only its own)")
    public Uni<PlanPacingView> pacing(@PathParam("id") UUID id,
            @Parameter(description = "only this channel's campaigns, paced against its allocation (a channel team "
                    + "may name only its own, and is always narrowed to it)", example = "email")
            @QueryParam("channel") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
            String channel) {
        return plans.pacing(id, scope.visibleChannel(channel));
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
