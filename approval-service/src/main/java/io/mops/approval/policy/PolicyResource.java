package io.mops.approval.policy;

import io.mops.common.problem.InvalidRequestException;
import io.mops.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/approvals/policies")
@Tag(name = "Approval policies")
@SecurityRequirement(name = "SecurityScheme")
public class PolicyResource {

    private final PolicyService policies;
    private final SecurityIdentity identity;

    public PolicyResource(PolicyService policies, SecurityIdentity identity) {
        this.policies = policies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.COE, Roles.APPROVER})
    @Operation(summary = "The policies in force, each with its version (without a match, the fallback applies)")
    public Uni<List<PolicyService.InForce>> list() {
        return policies.inForce();
    }

    @POST
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Put a new policy in force (CoE); 400 naming the field for unknown kinds or groups, a quorum "
            + "above the group's size, or an overlap with another policy of the same precedence")
    public Uni<PolicyService.InForce> create(@NotNull @Valid PolicyDocument policy) {
        return policies.save(policy, true, identity.getPrincipal().getName());
    }

    @PUT
    @Path("/{name}")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Change a policy: a new version, the old one kept in the history (CoE)")
    public Uni<PolicyService.InForce> change(@PathParam("name") String name, @NotNull @Valid PolicyDocument policy) {
        if (!name.equals(policy.name())) {
            throw new InvalidRequestException("name", "must be the policy's name in the path, '" + name + "'");
        }
        return policies.save(policy, false, identity.getPrincipal().getName());
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Retire a policy (a last version that retires it; the history stays)")
    public Uni<Void> retire(@PathParam("name") String name) {
        return policies.retire(name, identity.getPrincipal().getName());
    }

    @GET
    @Path("/{name}/history")
    @RolesAllowed({Roles.COE, Roles.APPROVER})
    @Operation(summary = "Every version of a policy: who changed it, when, before and after")
    public Uni<List<PolicyService.Change>> history(@PathParam("name") String name) {
        return policies.history(name);
    }
}
