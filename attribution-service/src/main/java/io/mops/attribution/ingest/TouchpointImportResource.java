package io.mops.attribution.ingest;

import io.mops.common.security.ChannelScope;
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

/**
 * Bulk import of touchpoints a team exported elsewhere, of any size: the body is streamed, not held, and only the
 * imports take bodies up to {@code quarkus.http.limits.max-body-size} (see {@link RequestBodyLimits}). A
 * channel team may import only its own channel's touchpoints; the CoE any.
 */
@Path("/attribution/touchpoints")
@Tag(name = "Ingest")
@SecurityRequirement(name = "SecurityScheme")
public class TouchpointImportResource {

    static final String JSON_LINES = "application/x-ndjson";

    private final TouchpointImportService service;
    private final ChannelScope scope;

    public TouchpointImportResource(TouchpointImportService service, ChannelScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @POST
    @Consumes({JSON_LINES, "application/jsonl"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Import touchpoints as JSON lines; all lines are stored or none")
    @APIResponse(responseCode = "200", description = "Counts of received, newly stored and already known touchpoints")
    @APIResponse(responseCode = "400", description = "Rejected lines with their numbers and reasons (the first 1,000 listed, all counted); nothing stored")
    @APIResponse(responseCode = "403", description = "A touchpoint of another team's channel")
    @Blocking
    public ImportResult importJsonLines(@NotNull InputStream body) {
        return service.importJsonLines(new InputStreamReader(body, StandardCharsets.UTF_8), scope);
    }

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Import touchpoints as CSV (event_id,user_id,anonymous_id,occurred_at,channel,campaign,"
            + "interaction,cost,currency and optionally click_id); all lines are stored or none")
    @APIResponse(responseCode = "200", description = "Counts of received, newly stored and already known touchpoints")
    @APIResponse(responseCode = "400", description = "Rejected lines with their numbers and reasons (the first 1,000 listed, all counted); nothing stored")
    @APIResponse(responseCode = "403", description = "A touchpoint of another team's channel")
    @Blocking
    public ImportResult importCsv(@NotNull InputStream body) {
        return service.importCsv(new InputStreamReader(body, StandardCharsets.UTF_8), scope);
    }
}
