package io.mops.qa.ruleset;

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

@Path("/qa/rule-sets")
@Tag(name = "Rule sets")
@SecurityRequirement(name = "SecurityScheme")
public class RuleSetResource {

    @GET
    @RolesAllowed(Roles.COE)
    @WithSession
    @Operation(summary = "Every version of every QA rule set (CoE only)")
    public Uni<List<RuleSetView>> list() {
        return RuleSet.<RuleSet>listAll(Sort.by("name").and("version"))
                .map(all -> all.stream().map(RuleSetView::of).toList());
    }
}
