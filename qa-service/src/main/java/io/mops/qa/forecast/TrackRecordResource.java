package io.mops.qa.forecast;

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
import java.util.Optional;

@Path("/qa/track-record")
@Tag(name = "Track record")
@SecurityRequirement(name = "SecurityScheme")
public class TrackRecordResource {

    private final ForecastTrackRecord trackRecord;
    private final ChannelScope scope;

    public TrackRecordResource(ForecastTrackRecord trackRecord, ChannelScope scope) {
        this.trackRecord = trackRecord;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Every rate a QA run forecast, newest first (at most 1,000): the click rate and conversion "
            + "rate with their 90 % interval, beside the rate the campaign reported once its results were recorded, "
            + "and the calibration of those forecasts (the newest forecast per campaign and rate counts); a channel "
            + "team sees only its own channel's")
    @APIResponse(responseCode = "200", description = "the forecasts and their calibration",
            content = @Content(schema = @Schema(implementation = TrackRecord.class)))
    @APIResponse(responseCode = "400", description = "a malformed date or channel, or to before from",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "a channel team naming another channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<TrackRecord> read(
            @Parameter(description = "only forecasts made on or after this day (UTC), e.g. 2026-11-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "only forecasts made on or before this day (UTC)")
            @QueryParam("to") LocalDate to,
            @Parameter(description = "only this channel's forecasts (a channel team may name only its own)")
            @QueryParam("channel") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
            String channel,
            @Parameter(description = "only this campaign's forecasts")
            @QueryParam("campaignId") @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,79}",
                    message = "must be 1-80 letters, digits, dots, dashes or underscores")
            String campaignId) {
        return trackRecord.read(TrackRecordQuery.of(from, to, channel, scope), Optional.ofNullable(campaignId));
    }
}
