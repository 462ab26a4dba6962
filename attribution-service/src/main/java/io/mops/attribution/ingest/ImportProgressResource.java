package io.mops.attribution.ingest;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;

/**
 * The imports running on this instance while their callers wait for the answer: the caller's own, every one for the
 * CoE. The import endpoints answer only when the whole body is stored (or refused), so this is where a client sees
 * progress in between.
 */
@Path("/attribution/imports")
@Tag(name = "Ingest")
@SecurityRequirement(name = "SecurityScheme")
public class ImportProgressResource {

    private final RunningImports running;
    private final ChannelScope scope;

    public ImportProgressResource(RunningImports running, ChannelScope scope) {
        this.running = running;
        this.scope = scope;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
    @Operation(summary = "Imports running on this instance, oldest first, with the lines read and written so far "
            + "(a channel team sees its own; an import leaves the list when its answer is sent)")
    @APIResponse(responseCode = "200", description = "The running imports (empty when none runs)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ImportProgress.class),
                    examples = @ExampleObject(name = "a large touchpoint import", value = """
                            [{"id": "7d1c8a4e-2f0b-4c55-9a0e-4b8f2d6c1e90", "kind": "touchpoints",
                              "startedBy": "service-account-channel-search", "startedAt": "2026-12-07T09:14:02Z",
                              "secondsRunning": 41, "linesRead": 1250000, "linesWritten": 1245000,
                              "rejectedLines": 0}]""")))
    public List<ImportProgress> list() {
        String caller = scope.caller().name();
        boolean coe = scope.caller().roles().contains(Roles.COE);
        return running.list(coe ? Optional.empty() : Optional.of(caller));
    }
}
