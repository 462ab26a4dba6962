package io.mops.testing.exposure;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.mops.testing.experiment.ExperimentService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/experiments/{key}")
@Tag(name = "Exposures and outcomes")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class ExposureResource {

    private final ChannelScope scope;
    private final ExposureService exposures;

    public ExposureResource(ChannelScope scope, ExposureService exposures) {
        this.scope = scope;
        this.exposures = exposures;
    }

    @POST
    @Path("/exposures")
    @WithTransaction
    @Operation(summary = "Record that units were shown a variant (small volumes; a unit's first exposure counts)")
    public Uni<ExposureReport.Recorded> recordExposures(@PathParam("key") String key,
                                                        @NotNull @Valid ExposureReport report) {
        return ExperimentService.accessible(key, scope).chain(e -> exposures.recordExposures(e, report));
    }

    @POST
    @Path("/outcomes")
    @WithTransaction
    @Operation(summary = "Record outcomes (conversions, or values for a continuous metric) of exposed units")
    public Uni<OutcomeReport.Recorded> recordOutcomes(@PathParam("key") String key,
                                                      @NotNull @Valid OutcomeReport report) {
        return ExperimentService.accessible(key, scope).chain(e -> exposures.recordOutcomes(e, report));
    }
}
