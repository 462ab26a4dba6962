package io.mops.approval.request;

import io.mops.approval.delegation.Delegation;
import io.mops.approval.directory.Approver;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Path("/approvals")
@Tag(name = "Approval requests")
@SecurityRequirement(name = "SecurityScheme")
public class ApprovalRequestResource {

    private final SecurityIdentity identity;
    private final Clock clock;

    public ApprovalRequestResource(SecurityIdentity identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @WithSession
    @Operation(summary = "Every request, newest first, or only those of one status and/or kind; paged (approvers and "
            + "the CoE)")
    public Uni<List<ApprovalRequestView>> list(
            @QueryParam("status") @Pattern(regexp = "PENDING|CHANGES_REQUESTED|GRANTED|REJECTED|EXPIRED|WITHDRAWN",
                    message = "must be one of PENDING, CHANGES_REQUESTED, GRANTED, REJECTED, EXPIRED, WITHDRAWN")
            String status,
            @Parameter(description = "only requests of this kind, e.g. Incident", example = "Incident")
            @QueryParam("kind") @Size(max = 80) String kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Sort newestFirst = Sort.by("requestedAt", Sort.Direction.Descending).and("id");
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            conditions.add("status = :status");
            parameters.put("status", ApprovalRequest.Status.valueOf(status));
        }
        if (kind != null) {
            conditions.add("kind = :kind");
            parameters.put("kind", kind);
        }
        var query = conditions.isEmpty()
                ? ApprovalRequest.<ApprovalRequest>findAll(newestFirst)
                : ApprovalRequest.<ApprovalRequest>find(String.join(" and ", conditions), newestFirst, parameters);
        return query.page(page, size).list().map(all -> all.stream().map(ApprovalRequestView::of).toList());
    }

    @GET
    @Path("/pending")
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @Operation(summary = "The caller's inbox, oldest first: for an approver the pending requests an open stage of "
            + "their groups (or a seat delegated to them today, or an escalation to their group) waits for, not their "
            + "own and not those they already decided; for the CoE every pending request")
    public Uni<List<ApprovalRequestView>> pending(@QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        Approver caller = Approver.of(identity);
        if (caller.coe() && !identity.hasRole(Roles.APPROVER)) {
            return Panache.withSession(() -> ApprovalRequest.<ApprovalRequest>find("status", Sort.by("requestedAt"),
                            ApprovalRequest.Status.PENDING).page(0, limit).list())
                    .map(all -> all.stream().map(ApprovalRequestView::of).toList());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return Panache.withSession(() -> Delegation.heldBy(caller.name(), today).chain(seats -> {
            Set<String> groups = new TreeSet<>(caller.memberships());
            seats.forEach(d -> groups.add(d.group));
            return Inbox.of(caller.name(), groups, limit);
        })).map(all -> all.stream().map(ApprovalRequestView::of).toList());
    }
}
