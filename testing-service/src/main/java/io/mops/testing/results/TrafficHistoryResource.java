package io.mops.testing.results;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.mops.testing.experiment.ExperimentService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/experiments/{key}/allocations")
@Tag(name = "Results")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class TrafficHistoryResource {

    private final ChannelScope scope;
    private final ResultsService results;

    public TrafficHistoryResource(ChannelScope scope, ResultsService results) {
        this.scope = scope;
        this.results = results;
    }

    /** A session, not a transaction: unlike reading the results, reading the split is not a look. */
    @GET
    @WithSession
    @Operation(summary = "Traffic over time: per allocation period, oldest first, the shares its split meant each "
            + "variant to get and the units each was first exposed to in it (before any conclusion); a channel team "
            + "sees only its own channel's experiments")
    public Uni<TrafficHistory> history(@PathParam("key") String key) {
        return ExperimentService.accessible(key, scope).chain(results::trafficHistory);
    }
}
