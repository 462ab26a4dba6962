package io.mops.approval.request;

import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/approvals")
@Tag(name = "Approval requests")
@SecurityRequirement(name = "SecurityScheme")
public class ApprovalRequestResource {

    @GET
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @WithSession
    @Operation(summary = "Every request, newest first, or only those of one status (e.g. WITHDRAWN); paged "
            + "(approvers and the CoE)")
    public Uni<List<ApprovalRequestView>> list(
            @QueryParam("status") @Pattern(regexp = "PENDING|GRANTED|REJECTED|EXPIRED|SUPERSEDED|WITHDRAWN",
                    message = "must be one of PENDING, GRANTED, REJECTED, EXPIRED, SUPERSEDED, WITHDRAWN")
            String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Sort newestFirst = Sort.by("requestedAt", Sort.Direction.Descending).and("id");
        var query = status == null
                ? ApprovalRequest.<ApprovalRequest>findAll(newestFirst)
                : ApprovalRequest.<ApprovalRequest>find("status", newestFirst, ApprovalRequest.Status.valueOf(status));
        return query.page(page, size).list().map(all -> all.stream().map(ApprovalRequestView::of).toList());
    }

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
