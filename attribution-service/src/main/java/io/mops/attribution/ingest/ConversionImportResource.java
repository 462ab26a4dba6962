package io.mops.attribution.ingest;

import io.mops.common.security.Roles;
import io.smallrye.mutiny.Uni;
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
    @APIResponse(responseCode = "400", description = "Every rejected line with its number and reason; nothing stored")
    public Uni<ImportResult> importJsonLines(@NotNull String body) {
        return service.importJsonLines(body);
    }

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COE)
    @Operation(summary = "Import conversions as CSV (event_id,user_id,anonymous_id,occurred_at,value,currency); "
            + "all lines are stored or none")
    @APIResponse(responseCode = "200", description = "Counts of received, newly stored and already known conversions")
    @APIResponse(responseCode = "400", description = "Every rejected line with its number and reason; nothing stored")
    public Uni<ImportResult> importCsv(@NotNull String body) {
        return service.importCsv(body);
    }
}
