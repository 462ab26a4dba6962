package io.mops.budget.guard;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/budget/guard")
@Tag(name = "Risk guard")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.COE)
public class GuardResource {

    private final DetectorSettings settings;
    private final ChannelScope scope;

    public GuardResource(DetectorSettings settings, ChannelScope scope) {
        this.settings = settings;
        this.scope = scope;
    }

    @GET
    @Path("/detectors")
    @Operation(summary = "Every detector with its thresholds, action, and what may be set")
    public Uni<List<DetectorView>> detectors() {
        return settings.all();
    }

    @GET
    @Path("/detectors/{detector}")
    @Operation(summary = "One detector (spend-runaway, tracking-breakage, performance-shift)")
    public Uni<DetectorView> detector(@PathParam("detector") String detector) {
        return settings.one(detector);
    }

    @PUT
    @Path("/detectors/{detector}")
    @Operation(summary = "Set a detector's thresholds and the action taken when it fires; 400 naming the field for "
            + "a threshold out of range or an action the detector does not allow")
    public Uni<DetectorView> change(@PathParam("detector") String detector, @NotNull @Valid DetectorChange change) {
        return settings.change(detector, change, scope.caller().name());
    }

    @GET
    @Path("/detectors/{detector}/history")
    @Operation(summary = "Every change of a detector's setting, newest first: who, when, before and after")
    public Uni<List<DetectorView.Change>> history(@PathParam("detector") String detector,
                                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return settings.history(detector, page, size);
    }
}
