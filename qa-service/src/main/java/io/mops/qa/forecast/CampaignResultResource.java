package io.mops.qa.forecast;

import io.mops.common.problem.InvalidRequestException;
import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Results of finished campaigns: a channel team records and reads its own channel's, the CoE any. */
@Path("/qa/campaign-results")
@Tag(name = "Campaign results")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class CampaignResultResource {

    private final CampaignResults results;
    private final ChannelScope scope;

    public CampaignResultResource(CampaignResults results, ChannelScope scope) {
        this.results = results;
        this.scope = scope;
    }

    @POST
    @Operation(summary = "Record what a finished campaign achieved; QA forecasts new campaigns from these results")
    public Uni<Response> record(@NotNull @Valid CampaignResultReport report) {
        scope.requireAccess(report.channel());
        return results.record(report, scope.caller().name())
                .map(view -> Response.created(URI.create("/qa/campaign-results?channel=" + view.channel()))
                        .entity(view).build());
    }

    @GET
    @WithSession
    @Operation(summary = "A channel's recorded campaign results, newest first (the caller's own channel, or any for the CoE)")
    public Uni<List<CampaignResultView>> ofChannel(@QueryParam("channel") String channel) {
        String wanted = channel != null && !channel.isBlank() ? channel : scope.visibleChannel().orElseThrow(() ->
                new InvalidRequestException("channel", "must name the channel whose results to list"));
        scope.requireAccess(wanted);
        return results.ofChannel(wanted);
    }
}
