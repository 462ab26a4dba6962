package io.mops.attribution.credit;

import io.mops.common.problem.InvalidRequestException;
import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Credits the stored journeys of a window of days. The CoE reads every channel's credit; a channel team only its own
 * channel's rows ({@link WindowCredit#confinedTo}); other roles nothing — the same scoping as every service's reads.
 */
@Path("/attribution/journeys/credit")
@Tag(name = "Attribution models")
@SecurityRequirement(name = "SecurityScheme")
public class WindowCreditResource {

    private final WindowCreditService service;
    private final ChannelScope scope;

    public WindowCreditResource(WindowCreditService service, ChannelScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, PathCreditResource.TEXT_CSV})
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Credit the stored journeys whose conversions fall between from and to (UTC days, inclusive); "
            + "a channel team gets only its own channel's rows and no totals")
    @APIResponse(responseCode = "200", description = "Credit per channel and per campaign, side by side per model",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WindowCredit.class)),
                    @Content(mediaType = PathCreditResource.TEXT_CSV)})
    @APIResponse(responseCode = "400", description = "Unknown model, impossible window or lookback")
    @APIResponse(responseCode = "403", description = "A channel team naming another channel, or a role without channel")
    public Uni<Response> credit(
            @QueryParam("from") @NotNull @Parameter(example = "2026-11-01") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(example = "2026-11-24") LocalDate to,
            @QueryParam("model") List<String> model,
            @QueryParam("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            String currency,
            @QueryParam("lookbackDays") @DefaultValue("30") @Min(1) @Max(365) int lookbackDays,
            @Parameter(description = "time-decay half-life as an ISO-8601 duration (default P7D)", example = "P3D")
            @QueryParam("halfLife") String halfLife,
            @QueryParam("positionFirst") Double positionFirst,
            @QueryParam("positionLast") Double positionLast,
            @Parameter(description = "only this channel's rows, without totals (a channel team gets its own anyway "
                    + "and may name no other)")
            @QueryParam("channel") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
            String channel,
            @Context HttpHeaders headers) {
        var models = ModelSelection.of(model, positionFirst, positionLast, halfLife(halfLife));
        Optional<String> visible = scope.visibleChannel(channel);
        return service.credit(from, to, lookbackDays, currency, models)
                .map(all -> visible.map(all::confinedTo).orElse(all))
                .map(credit ->
                PathCreditResource.wantsCsv(headers.getAcceptableMediaTypes())
                        ? Response.ok(credit.credit().toCsv(), MediaType.valueOf(PathCreditResource.TEXT_CSV)
                        .withCharset("UTF-8")).build()
                        : Response.ok(credit, MediaType.APPLICATION_JSON_TYPE).build());
    }

    private static Duration halfLife(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("halfLife",
                    "'" + text + "' is not an ISO-8601 duration such as P7D or PT36H");
        }
    }
}
