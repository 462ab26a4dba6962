package io.mops.approval.request;

import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/approvals")
@Tag(name = "Approval requests")
@SecurityRequirement(name = "SecurityScheme")
public class ApprovalRequestResource {

    @GET
    @Path("/pending")
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @WithSession
    @Operation(summary = "Requests waiting for a decision, oldest first (approvers and the CoE)")
    public Uni<List<ApprovalRequestView>> pending() {
        return ApprovalRequest.<ApprovalRequest>list("status", Sort.by("requestedAt"), ApprovalRequest.Status.PENDING)
                .map(all -> all.stream().map(ApprovalRequestView::of).toList());
    }
}
