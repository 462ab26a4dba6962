package io.mops.attribution.mapping;

import io.mops.common.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The CoE's channel mapping rules: which source, medium and campaign belong to which channel, for the connector
 * imports (GA4 export, ad platforms' cost reports). Everyone who imports may read them; only the CoE changes them.
 */
@Path("/attribution/channel-mapping")
@Tag(name = "Connectors")
@SecurityRequirement(name = "SecurityScheme")
@Produces(MediaType.APPLICATION_JSON)
public class ChannelMappingResource {

    private final ChannelMappingStore store;
    private final SecurityIdentity identity;

    public ChannelMappingResource(ChannelMappingStore store, SecurityIdentity identity) {
        this.store = store;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "The rules in force, in the order they are tried (version 0 and no rules when none were set)")
    public Uni<MappingVersion> current() {
        return store.history().map(versions -> versions.isEmpty()
                ? new MappingVersion(0, List.of(), null, null, null, new RuleChanges(List.of(), List.of(), false))
                : versions.getFirst());
    }

    @GET
    @Path("history")
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Every version of the rules, newest first: who changed them, when, why, and what was added "
            + "and removed")
    public Uni<List<MappingVersion>> history() {
        return store.history();
    }

    @PUT
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Replace the rules with a new version (the whole ordered list), made against expectedVersion")
    @APIResponse(responseCode = "200", description = "The new version and what it changed")
    @APIResponse(responseCode = "400", description = "A rule or field that is not valid, named")
    @APIResponse(responseCode = "409", description = "The rules changed since expectedVersion")
    public Uni<MappingVersion> change(@NotNull @Valid MappingChange change) {
        return store.change(change, identity.getPrincipal().getName());
    }
}
