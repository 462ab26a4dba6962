package io.mops.budget.reallocation;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/budget")
@Tag(name = "Autonomous reallocation")
@SecurityRequirement(name = "SecurityScheme")
public class ReallocationResource {

    private final ReallocationService reallocation;
    private final GuardrailService guardrails;
    private final ChannelScope scope;

    public ReallocationResource(ReallocationService reallocation, GuardrailService guardrails, ChannelScope scope) {
        this.reallocation = reallocation;
        this.guardrails = guardrails;
        this.scope = scope;
    }

    @GET
    @Path("/reallocations")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Every proposed, applied, refused and rolled-back move of a plan, newest first, with who or "
            + "what decided; a channel team sees only moves of its own channel")
    public Uni<List<ReallocationView>> list(@QueryParam("planId") @NotNull UUID planId) {
        return reallocation.list(planId, scope.visibleChannel());
    }

    @POST
    @Path("/reallocations/{id}/rollback")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Return the channels an applied move changed to their allocations before it; 409 when any "
            + "of them has changed since")
    public Uni<ReallocationView> rollback(@PathParam("id") UUID id) {
        return reallocation.rollback(id, scope.caller().name());
    }

    @GET
    @Path("/approval-policy")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "The thresholds inside which the service moves budget without asking")
    public Uni<PolicyView> policy() {
        return guardrails.policy();
    }

    @PUT
    @Path("/approval-policy")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Replace the approval policy: by amount moved per currency, by percent of the plan's "
            + "total, per channel")
    public Uni<PolicyView> replacePolicy(@NotNull @Valid PolicyChange change) {
        return guardrails.replacePolicy(change, scope.caller().name());
    }

    @GET
    @Path("/approval-policy/history")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Every change of the approval policy, newest first: who, when, the policy before and after")
    public Uni<List<GuardrailHistory.PolicyChanged>> policyHistory(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return guardrails.policyHistory(page, size);
    }

    @GET
    @Path("/kill-switch/history")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Every freeze and release of the kill switch, newest first: who, when, before and after")
    public Uni<List<GuardrailHistory.KillSwitchChanged>> killSwitchHistory(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return guardrails.killSwitchHistory(page, size);
    }

    @GET
    @Path("/kill-switch")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Whether autonomous budget moves are frozen")
    public Uni<KillSwitch> killSwitch() {
        return guardrails.killSwitch();
    }

    @PUT
    @Path("/kill-switch")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Freeze (with a reason) or release all autonomous budget moves")
    public Uni<KillSwitch> setKillSwitch(@NotNull @Valid KillSwitch change) {
        return guardrails.setKillSwitch(change, scope.caller().name());
    }
}
