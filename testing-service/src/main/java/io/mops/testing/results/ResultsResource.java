package io.mops.testing.results;

import io.mops.common.problem.ConflictProblem;
import io.mops.common.security.ChannelScope;
import io.mops.common.security.Roles;
import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.ExperimentService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/experiments/{key}/results")
@Tag(name = "Results")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.COE, Roles.CHANNEL_TEAM})
public class ResultsResource {

    private final ChannelScope scope;
    private final ResultsService results;

    public ResultsResource(ChannelScope scope, ResultsService results) {
        this.scope = scope;
        this.results = results;
    }

    /** A transaction, not just a session: every read is a look, whose always-valid p-values are recorded. */
    @GET
    @WithTransaction
    @Operation(summary = "Bayesian and frequentist statistics per variant, the sample ratio check and the bandit's "
            + "recommendation (see docs/testing.md for how to read them)")
    public Uni<ResultsView> results(@PathParam("key") String key) {
        return ExperimentService.accessible(key, scope).chain(experiment -> {
            if (experiment.status.beforeStart() || experiment.controlVariant == null) {
                throw new ConflictProblem("experiment '" + key + "' has no results before it runs");
            }
            return results.read(experiment);
        });
    }
}
