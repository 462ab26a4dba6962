package io.mops.approval.decision;

import io.mops.approval.directory.Approver;
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
    @Operation(summary = "A request with its policy, stages, evidence (every revision) and every decision taken on it")
    public Uni<ApprovalDetail> detail(@PathParam("id") UUID id) {
        return service.detail(id);
    }

    @POST
    @Path("/decisions")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Grant, reject or request changes (a comment is required for the last two); 409 when a "
            + "four-eyes or stage rule refuses the decision or the request is no longer pending")
    public Uni<ApprovalDetail> decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest decision) {
        return service.decide(id, Approver.of(identity), decision);
    }
}
