package io.mops.budget.signal;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/budget/channel-signals")
@Tag(name = "Channel signals")
@SecurityRequirement(name = "SecurityScheme")
public class ChannelSignalResource {

    private final ChannelScope scope;

    public ChannelSignalResource(ChannelScope scope) {
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @WithSession
    @Operation(summary = "Channel performance received from attribution, newest first; a channel team sees only its own channel")
    public Uni<List<ChannelSignalView>> latest(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return ChannelSignal.latestFirst(scope.visibleChannel(), limit)
                .map(list -> list.stream().map(ChannelSignalView::of).toList());
    }
}
