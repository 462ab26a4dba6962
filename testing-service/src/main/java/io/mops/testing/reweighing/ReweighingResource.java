package io.mops.testing.reweighing;

import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.mops.testing.experiment.ExperimentService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/experiments/{key}/reallocations")
@Tag(name = "Bandit allocation")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class ReweighingResource {

    private final ChannelScope scope;
    private final ReweighingService reweighing;

    public ReweighingResource(ChannelScope scope, ReweighingService reweighing) {
        this.scope = scope;
        this.reweighing = reweighing;
    }

    @POST
    @WithTransaction
    @Operation(summary = "Re-weight traffic by Thompson sampling now: new shares, eliminated variants, and the winner "
            + "when the leader is proven better than every live variant and passes both thresholds (which concludes "
            + "the experiment); publishes AllocationChanged, "
            + "VariantEliminated and WinnerDeclared")
    public Uni<ReweighingService.Reweighing> reweigh(@PathParam("key") String key) {
        String by = scope.caller().name();
        return ExperimentService.accessibleForUpdate(key, scope).chain(e -> reweighing.reweigh(e, by));
    }
}
