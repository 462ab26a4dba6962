package io.mops.budget.signal;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

@Path("/budget/channel-signals")
@Tag(name = "Channel signals")
@SecurityRequirement(name = "SecurityScheme")
public class ChannelSignalResource {

    private final ChannelScope scope;
    private final CurvesConfig curves;

    public ChannelSignalResource(ChannelScope scope, CurvesConfig curves) {
        this.scope = scope;
        this.curves = curves;
    }

    @GET
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @WithSession
    @Operation(summary = "Channel performance per period received from attribution, newest first; a channel team "
            + "sees only its own channel")
    public Uni<List<ChannelSignalView>> latest(
            @Parameter(description = "only this channel (a channel team may name only its own)")
            @QueryParam("channel") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
            String channel,
            @Parameter(description = "only this attribution model") @QueryParam("model") String model,
            @Parameter(description = "page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "rows per page") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Optional<String> visible = scope.visibleChannel(channel);
        return ChannelSignal.newestFirst(visible, Optional.ofNullable(model), page, limit)
                .map(list -> list.stream().map(s -> ChannelSignalView.of(s, curves)).toList());
    }
}
