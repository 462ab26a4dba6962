package io.mops.testing.trackrecord;

import io.mops.common.problem.Problem;
import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.mops.common.trackrecord.TrackRecord;
import io.mops.common.trackrecord.TrackRecordQuery;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/experiments/track-record")
@Tag(name = "Track record")
@SecurityRequirement(name = "SecurityScheme")
public class TrackRecordResource {

    private final TrackRecordService trackRecord;
    private final ChannelScope scope;

    public TrackRecordResource(TrackRecordService trackRecord, ChannelScope scope) {
        this.trackRecord = trackRecord;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Every winner the bandit declared, newest first (at most 1,000): its conversion rate as "
            + "forecast at the conclusion (with the 90 % predictive interval of the rate on the units measured since) "
            + "beside the rate the rolled-out winner realised on the units first exposed to it after the conclusion, "
            + "and the calibration of those forecasts; a channel team sees only its own channel's")
    @APIResponse(responseCode = "200", description = "the declared winners and their calibration",
            content = @Content(schema = @Schema(implementation = TrackRecord.class)))
    @APIResponse(responseCode = "400", description = "a malformed date or channel, or to before from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "a channel team naming another channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TrackRecord> read(
            @Parameter(description = "only winners declared on or after this day (UTC), e.g. 2026-11-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "only winners declared on or before this day (UTC)")
            @QueryParam("to") LocalDate to,
            @Parameter(description = "only this channel's experiments (a channel team may name only its own)")
            @QueryParam("channel") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
            String channel) {
        return trackRecord.read(TrackRecordQuery.of(from, to, channel, scope));
    }
}
