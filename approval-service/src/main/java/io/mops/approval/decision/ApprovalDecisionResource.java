package io.mops.approval.decision;

import io.mops.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/approvals/{id: [0-9a-fA-F-]{36}}")
@Tag(name = "Approval decisions")
@SecurityRequirement(name = "SecurityScheme")
public class ApprovalDecisionResource {

    private final ApprovalDecisionService service;
    private final SecurityIdentity identity;

    public ApprovalDecisionResource(ApprovalDecisionService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @Operation(summary = "A request with every decision taken on it (the audit trail)")
    public Uni<ApprovalDetail> detail(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @Path("/decisions")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Grant or reject a pending request; four-eyes rules apply (409 when a rule refuses the decision)")
    public Uni<ApprovalDetail> decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest decision) {
        return service.decide(id, identity.getPrincipal().getName(), decision);
    }
}
