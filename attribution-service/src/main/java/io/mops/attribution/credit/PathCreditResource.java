package io.mops.attribution.credit;

import io.mops.attribution.model.PathSet;
import io.mops.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Credits an uploaded path set (JSON, or a ChannelAttribution CSV export) with one or more models, side by side.
 * Computing reveals nothing beyond what the caller sent, so every authenticated role may do it.
 */
@Path("/attribution/paths/credit")
@Tag(name = "Attribution models")
@SecurityRequirement(name = "SecurityScheme")
public class PathCreditResource {

    static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV = MediaType.valueOf(TEXT_CSV);

    private final PathCreditService service;

    public PathCreditResource(PathCreditService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @RolesAllowed({Roles.COE, Roles.APPROVER, Roles.CHANNEL_TEAM})
    @APIResponse(responseCode = "200", description = "Credit per channel, side by side per model", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreditComparison.class)),
            @Content(mediaType = TEXT_CSV, example = "channel,markov-1_conversions,markov-1_value\nsearch,0.4000,40.0000")})
    @APIResponse(responseCode = "400", description = "Unknown model, bad paths (every bad line listed), missing currency")
    @Operation(summary = "Credit a JSON path set with the named models, side by side (Accept: text/csv for CSV)")
    public Response creditJson(
            @Parameter(description = "Model names, repeatable: first-touch, last-touch, linear, position-based, "
                    + "markov-1 … markov-4, shapley") @QueryParam("model") List<String> model,
            @Parameter(description = "position-based: share of the first touchpoint (default 0.4)")
            @QueryParam("positionFirst") Double positionFirst,
            @Parameter(description = "position-based: share of the last touchpoint (default 0.4)")
            @QueryParam("positionLast") Double positionLast,
            @NotNull @Valid PathSetRequest paths,
            @Context HttpHeaders headers) {
        var models = ModelSelection.of(model, positionFirst, positionLast);
        PathSet pathSet = service.pathSet(paths);
        return respond(paths.spend() == null ? service.credit(pathSet, models)
                : service.credit(pathSet, models, paths.spend()), headers);
    }

    @POST
    @Consumes(TEXT_CSV)
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @RolesAllowed({Roles.COE, Roles.APPROVER, Roles.CHANNEL_TEAM})
    @APIResponse(responseCode = "200", description = "Credit per channel, side by side per model", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreditComparison.class)),
            @Content(mediaType = TEXT_CSV, example = "channel,markov-1_conversions,markov-1_value\nsearch,0.4000,40.0000")})
    @APIResponse(responseCode = "400", description = "Unknown model, bad paths (every bad line listed), missing currency")
    @Operation(summary = "Credit a ChannelAttribution CSV export (path,total_conversions,total_conversion_value,"
            + "total_null) with the named models; the file is used whole or rejected whole")
    public Response creditCsv(
            @QueryParam("model") List<String> model,
            @Parameter(description = "Currency of total_conversion_value", example = "EUR")
            @QueryParam("currency") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            String currency,
            @QueryParam("positionFirst") Double positionFirst,
            @QueryParam("positionLast") Double positionLast,
            @Parameter(description = "Spend of a channel over the same period, in the same currency, as "
                    + "channel:amount; repeatable. With it the answer gives each channel's ROAS under each model",
                    example = "search:412.50")
            @QueryParam("spend") List<String> spend,
            @NotNull String csv,
            @Context HttpHeaders headers) {
        var models = ModelSelection.of(model, positionFirst, positionLast);
        var spendByChannel = PathCreditService.spend(spend == null ? List.of() : spend);
        PathSet pathSet = service.pathSet(csv, currency);
        return respond(spendByChannel.isEmpty() ? service.credit(pathSet, models)
                : service.credit(pathSet, models, spendByChannel), headers);
    }

    private static Response respond(CreditComparison comparison, HttpHeaders headers) {
        if (wantsCsv(headers.getAcceptableMediaTypes())) {
            return Response.ok(comparison.toCsv(), CSV.withCharset("UTF-8")).build();
        }
        return Response.ok(comparison, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The acceptable types come ordered by preference; the first one that names CSV or JSON decides. */
    static boolean wantsCsv(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (type.isWildcardType()) {
                return false;
            }
            if (CSV.isCompatible(type) && !type.isWildcardSubtype()) {
                return true;
            }
            if (MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return false;
            }
        }
        return false;
    }
}
