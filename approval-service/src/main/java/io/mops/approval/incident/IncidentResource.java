package io.mops.approval.incident;

import io.mops.approval.decision.ApprovalDecisionService;
import io.mops.approval.decision.ApprovalDetail;
import io.mops.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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

import java.util.UUID;

@Path("/approvals/{id: [0-9a-fA-F-]{36}}/acknowledgement")
@Tag(name = "Incidents")
@SecurityRequirement(name = "SecurityScheme")
public class IncidentResource {

    private final IncidentAcknowledgements acknowledgements;
    private final ApprovalDecisionService decisions;
    private final SecurityIdentity identity;

    public IncidentResource(IncidentAcknowledgements acknowledgements, ApprovalDecisionService decisions,
                            SecurityIdentity identity) {
        this.acknowledgements = acknowledgements;
        this.decisions = decisions;
        this.identity = identity;
    }

    @POST
    @RolesAllowed(Roles.COE)
    @Operation(summary = "The CoE's on-call person acknowledges an incident (kind Incident) with a comment; 409 when "
            + "it is not an incident, was already acknowledged, or is already resolved or withdrawn")
    public Uni<ApprovalDetail> acknowledge(@PathParam("id") UUID id, @NotNull @Valid AcknowledgementRequest body) {
        return acknowledgements.acknowledge(id, identity.getPrincipal().getName(), body.comment())
                .chain(() -> decisions.detail(id));
    }
}
