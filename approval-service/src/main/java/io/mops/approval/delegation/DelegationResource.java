package io.mops.approval.delegation;

import io.mops.approval.audit.AuditLog;
import io.mops.approval.directory.Approver;
import io.mops.approval.directory.ApproverDirectory;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.NotFoundProblem;
import io.mops.common.problem.Problem;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/approvals/delegations")
@Tag(name = "Delegations")
@SecurityRequirement(name = "SecurityScheme")
public class DelegationResource {

    public record NewDelegation(@NotBlank @Size(max = 200) String delegate, @NotBlank @Size(max = 80) String group,
                                @NotNull LocalDate from, @NotNull LocalDate to) {
    }

    public record DelegationView(UUID id, String delegator, String delegate, String group, LocalDate from,
                                 LocalDate to, Instant createdAt, Instant revokedAt, String revokedBy) {
        static DelegationView of(Delegation d) {
            return new DelegationView(d.id, d.delegator, d.delegate, d.group, d.validFrom, d.validTo, d.createdAt,
                    d.revokedAt, d.revokedBy);
        }
    }

    private final SecurityIdentity identity;
    private final ApproverDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    public DelegationResource(SecurityIdentity identity, ApproverDirectory directory, AuditLog audit, Clock clock) {
        this.identity = identity;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Hand your seat in one of your groups to a colleague of that group for some days (out of "
            + "office); 400 naming the field for yourself, a non-member, or a chain")
    public Uni<DelegationView> create(@NotNull @Valid NewDelegation wanted) {
        Approver caller = Approver.of(identity);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DelegationRules.Span span = new DelegationRules.Span(caller.name(), wanted.delegate(), wanted.group(),
                wanted.from(), wanted.to());
        Context context = Vertx.currentContext();
        return directory.fresh().emitOn(command -> context.runOnContext(ignored -> command.run()))
                .chain(snapshot -> Panache.withTransaction(() -> Delegation.standing().chain(existing -> {
                    List<Problem.Violation> violations = DelegationRules.check(span, caller.memberships(),
                            directory.members(wanted.group()), existing.stream().map(Delegation::span).toList(),
                            today);
                    if (!violations.isEmpty()) {
                        throw new InvalidRequestException("the delegation is not possible", violations);
                    }
                    Delegation d = new Delegation();
                    d.id = UUID.randomUUID();
                    d.delegator = caller.name();
                    d.delegate = wanted.delegate();
                    d.group = wanted.group();
                    d.validFrom = wanted.from();
                    d.validTo = wanted.to();
                    d.createdAt = now;
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("id", d.id.toString());
                    details.put("delegate", d.delegate);
                    details.put("group", d.group);
                    details.put("from", d.validFrom.toString());
                    details.put("to", d.validTo.toString());
                    return d.persist().chain(() -> audit.append(caller.name(), AuditLog.DELEGATED,
                            "delegation:" + d.id, details)).map(ignored -> DelegationView.of(d));
                })));
    }

    @GET
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @Operation(summary = "Delegations not revoked: every one for the CoE, one's own (given or received) for an approver")
    public Uni<List<DelegationView>> list() {
        Approver caller = Approver.of(identity);
        return Panache.withSession(Delegation::standing).map(all -> all.stream()
                .filter(d -> caller.coe() || d.delegator.equals(caller.name()) || d.delegate.equals(caller.name()))
                .map(DelegationView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.APPROVER, Roles.COE})
    @Operation(summary = "Revoke a delegation (its delegator or the CoE); it stays in the audit trail")
    public Uni<Void> revoke(@PathParam("id") UUID id) {
        Approver caller = Approver.of(identity);
        return Panache.withTransaction(() -> Delegation.<Delegation>findById(id).chain(d -> {
            if (d == null || d.revokedAt != null) {
                throw new NotFoundProblem("no delegation " + id + " in force");
            }
            if (!caller.coe() && !d.delegator.equals(caller.name())) {
                throw new ForbiddenException("only " + d.delegator + " or the CoE may revoke it");
            }
            d.revokedAt = clock.instant();
            d.revokedBy = caller.name();
            return audit.append(caller.name(), AuditLog.DELEGATION_REVOKED, "delegation:" + id, Map.of("id",
                    id.toString())).replaceWithVoid();
        }));
    }
}
