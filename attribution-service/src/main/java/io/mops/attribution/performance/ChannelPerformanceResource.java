package io.mops.attribution.performance;

import io.mops.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

@Path("/attribution/channel-performance")
@Tag(name = "Channel performance")
@SecurityRequirement(name = "SecurityScheme")
public class ChannelPerformanceResource {

    private final ChannelPerformanceService service;
    private final ChannelPerformancePublisher publisher;

    public ChannelPerformanceResource(ChannelPerformanceService service, ChannelPerformancePublisher publisher) {
        this.service = service;
        this.publisher = publisher;
    }

    @POST
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Record a channel's attributed performance and publish ChannelPerformanceUpdated")
    public Uni<Response> record(@NotNull @Valid ChannelPerformanceReport report) {
        return service.record(report).map(view -> Response.status(Response.Status.CREATED).entity(view).build());
    }

    @POST
    @Path("recompute")
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Credit the trailing window now and announce every channel whose figures changed "
            + "(subject to the minimum interval per channel); the scheduler does the same on its own")
    @APIResponse(responseCode = "200", description = "The channel performances announced by this run (often none)")
    public Uni<List<ChannelPerformanceView>> recompute(
            @Parameter(description = "last day of the trailing window (UTC); default today", example = "2026-11-24")
            @QueryParam("asOf") LocalDate asOf) {
        return publisher.publish(asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf, Instant.now());
    }

    @GET
    @Authenticated
    @WithSession
    @Operation(summary = "The most recent channel performance records, newest first (readable by every team)")
    public Uni<List<ChannelPerformanceView>> latest(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return ChannelPerformance.latestFirst(limit)
                .map(list -> list.stream().map(p -> ChannelPerformanceView.of(p, null)).toList());
    }
}
