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

import java.util.UUID;

@Path("/budget/campaigns/{id}")
@Tag(name = "Campaign budgets")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class CampaignResource {

    private final CampaignService campaigns;
    private final ChannelScope scope;

    public CampaignResource(CampaignService campaigns, ChannelScope scope) {
        this.campaigns = campaigns;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "A campaign's budget, spend, pacing and status")
    public Uni<CampaignView> get(@PathParam("id") UUID id) {
        return campaigns.view(id, scope);
    }

    @PUT
    @Path("/budget")
    @Operation(summary = "Change a campaign's budget within its channel's allocation")
    public Uni<CampaignView> changeBudget(@PathParam("id") UUID id, @NotNull @Valid CampaignBudgetChange change) {
        return campaigns.changeBudget(id, change, scope);
    }

    @PUT
    @Path("/planned-amount")
    @Operation(summary = "Change a campaign's planned budget (funding on clearance): reserved until QA clears the "
            + "campaign, its budget at once once QA has")
    public Uni<CampaignView> changePlannedAmount(@PathParam("id") UUID id,
                                                 @NotNull @Valid PlannedAmountChange change) {
        return campaigns.changePlannedAmount(id, change, scope);
    }

    @POST
    @Path("/spend")
    @Operation(summary = "Record a day's spend: checked against the hard cap (BudgetExhausted, campaign stopped) "
            + "and the pacing band (BudgetPacingAlert)")
    public Uni<Response> recordSpend(@PathParam("id") UUID id, @NotNull @Valid SpendReport report) {
        return campaigns.recordSpend(id, report, scope, scope.caller().name())
                .map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }
}
