package io.mops.attribution.performance;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@Path("/attribution/channel-performance")
@Tag(name = "Channel performance")
@SecurityRequirement(name = "SecurityScheme")
public class ChannelPerformanceResource {

    private final ChannelPerformanceService service;
    private final ChannelPerformancePublisher publisher;
    private final PerformanceConfig config;
    private final Clock clock;
    private final ChannelScope scope;

    public ChannelPerformanceResource(ChannelPerformanceService service, ChannelPerformancePublisher publisher,
                                      PerformanceConfig config, Clock clock, ChannelScope scope) {
        this.clock = clock;
        this.scope = scope;
        this.service = service;
        this.publisher = publisher;
        this.config = config;
    }

    @POST
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Record a channel's performance in one day or ISO week by hand and publish it as "
            + "ChannelPerformanceUpdated (the period's next revision)")
    public Uni<Response> record(@NotNull @Valid ChannelPerformanceReport report) {
        return service.record(report).map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @POST
    @Path("recompute")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Credit the complete periods now and publish every channel whose figures are new or changed "
            + "(revisions subject to the minimum interval); the scheduler does the same for the revision window")
    @APIResponse(responseCode = "200", description = "The channel performances published by this run (often none)")
    public Uni<List<ChannelPerformanceView>> recompute(
            @Parameter(description = "the last day that counts as past: periods ending on or before it are complete "
                    + "(default: periods complete now)", example = "2026-11-29")
            @QueryParam("asOf") LocalDate asOf,
            @Parameter(description = "the first day whose period is (re)computed (default: the periods that ended "
                    + "within the revision window); at most 366 days before asOf", example = "2026-06-01")
            @QueryParam("from") LocalDate from) {
        Instant now = Instant.now(clock);
        Instant asOfInstant = asOf == null ? now : asOf.plusDays(1).atStartOfDay(config.zone()).toInstant();
        return publisher.publish(Optional.ofNullable(from), asOfInstant, now);
    }

    @GET
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @WithSession
    @Operation(summary = "Channel performance publications, newest first, optionally of one channel and model; "
            + "a channel team sees only its own channel")
    @APIResponse(responseCode = "403", description = "A channel team naming another channel, or a role without channel")
    public Uni<List<ChannelPerformanceView>> latest(
            @Parameter(description = "only this channel (a channel team may name only its own)")
            @QueryParam("channel") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
            String channel,
            @QueryParam("model") String model,
            @Parameter(description = "page number from 0") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "rows per page") @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        Optional<String> visible = scope.visibleChannel(channel);
        return ChannelPerformance.newestFirst(visible, Optional.ofNullable(model), page, limit)
                .map(list -> list.stream().map(ChannelPerformanceView::of).toList());
    }
}
