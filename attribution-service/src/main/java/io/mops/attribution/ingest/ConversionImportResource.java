package io.mops.attribution.ingest;

import io.mops.common.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** Bulk import of conversions. Conversions belong to no channel, so only the CoE imports them. */
@Path("/attribution/conversions")
@Tag(name = "Ingest")
@SecurityRequirement(name = "SecurityScheme")
public class ConversionImportResource {

    private final ConversionImportService service;

    public ConversionImportResource(ConversionImportService service) {
        this.service = service;
    }

    @POST
    @Consumes({TouchpointImportResource.JSON_LINES, "application/jsonl"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Import conversions as JSON lines; all lines are stored or none")
    @APIResponse(responseCode = "200", description = "Counts of received, newly stored and already known conversions")
    @APIResponse(responseCode = "400", description = "Rejected lines with their numbers and reasons (the first 1,000 listed, all counted); nothing stored")
    @Blocking
    public ImportResult importJsonLines(@NotNull InputStream body) {
        return service.importJsonLines(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Import conversions as CSV (event_id,user_id,anonymous_id,occurred_at,value,currency); "
            + "all lines are stored or none")
    @APIResponse(responseCode = "200", description = "Counts of received, newly stored and already known conversions")
    @APIResponse(responseCode = "400", description = "Rejected lines with their numbers and reasons (the first 1,000 listed, all counted); nothing stored")
    @Blocking
    public ImportResult importCsv(@NotNull InputStream body) {
        return service.importCsv(new InputStreamReader(body, StandardCharsets.UTF_8));
    }
}
