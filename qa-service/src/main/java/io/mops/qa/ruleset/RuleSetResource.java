package io.mops.qa.ruleset;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/qa/rule-sets")
@Tag(name = "Rule sets")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.COE)
public class RuleSetResource {

    private final RuleSetCatalog catalog;
    private final ChannelScope scope;

    public RuleSetResource(RuleSetCatalog catalog, ChannelScope scope) {
        this.catalog = catalog;
        this.scope = scope;
    }

    @GET
    @WithSession
    @Operation(summary = "Every version of every QA rule set (CoE only)")
    public Uni<List<RuleSetView>> list() {
        return RuleSet.<RuleSet>listAll(Sort.by("name").and("version"))
                .map(all -> all.stream().map(RuleSetView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a rule set document as the next version of the rule set it names (CoE only)")
    public Uni<Response> publish(@NotBlank @Size(max = 1_000_000) String document) {
        return catalog.publish(document, scope.caller().name())
                .map(stored -> Response.created(URI.create("/qa/rule-sets/" + stored.name + "/versions/" + stored.version))
                        .entity(RuleSetView.of(stored)).build());
    }

    @GET
    @Path("/{name}/versions")
    @WithSession
    @Operation(summary = "Every version of one rule set, oldest first (CoE only)")
    public Uni<List<RuleSetView>> versions(@PathParam("name") String name) {
        return RuleSet.versionsOf(name).map(all -> all.stream().map(RuleSetView::of).toList());
    }

    @GET
    @Path("/{name}/versions/{version}")
    @Produces(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "The document of one rule set version, as it judges campaigns (CoE only)")
    public Uni<String> document(@PathParam("name") String name, @PathParam("version") int version) {
        return catalog.version(name, version).map(stored -> stored.document);
    }
}
