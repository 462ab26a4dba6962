package io.mops.budget.guard;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Path("/budget/guard")
@Tag(name = "Risk guard")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed(Roles.COE)
public class GuardResource {

    private final DetectorSettings settings;
    private final RiskGuard guard;
    private final ChannelScope scope;

    public GuardResource(DetectorSettings settings, RiskGuard guard, ChannelScope scope) {
        this.settings = settings;
        this.guard = guard;
        this.scope = scope;
    }

    @GET
    @Path("/anomalies")
    @Operation(summary = "Anomalies the risk guard found, newest first (at most 200), with the containment applied "
            + "and who resolved them")
    public Uni<List<AnomalyView>> anomalies(
            @QueryParam("channel") @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
            @QueryParam("status") @Pattern(regexp = "OPEN|RESOLVED") String status) {
        return guard.anomalies(Optional.ofNullable(channel), Optional.ofNullable(status));
    }

    @POST
    @Path("/anomalies/{id}/resolve")
    @Operation(summary = "Resolve an anomaly: lifts its containment (unfreezes the channel, lets paused campaigns "
            + "resume); who and when are kept. 409 when it is already resolved")
    public Uni<AnomalyView> resolve(@PathParam("id") UUID id, @NotNull @Valid Resolution resolution) {
        return guard.resolve(id, scope.caller().name(), resolution.comment());
    }

    @GET
    @Path("/frozen-channels")
    @Operation(summary = "The channels whose autonomous moves the risk guard holds frozen, with why")
    public Uni<Map<String, String>> frozenChannels() {
        return guard.frozenChannels();
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
