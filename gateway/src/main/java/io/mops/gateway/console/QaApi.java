package io.mops.gateway.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/** qa-service, called with the signed-in person's token: it checks roles and channels itself. */
@RegisterRestClient(configKey = "qa")
@Path("/qa/runs")
public interface QaApi {

    /** {@code GET /qa/runs/{id}} as qa-service answers it (the fields the console shows). */
    record Run(String id, String campaignId, String channel, String verdict, int riskScore, String ruleSet,
               int ruleSetVersion, List<Finding> findings, String requestedBy, Instant createdAt) {

        public List<Finding> findings() {
            return findings == null ? List.of() : findings;
        }
    }

    /**
     * @param needsReview the check could not decide; the CoE may dismiss the finding with a reason
     * @param dismissal   who dismissed it, when and why; null while it stands
     */
    record Finding(String ruleId, String severity, String field, String element, String message, String fixHint,
                   boolean needsReview, Dismissal dismissal) {
    }

    record Dismissal(String by, String reason, Instant at) {
    }

    /** The body of {@code POST /qa/runs/{id}/findings/{index}/dismissal}. */
    record DismissalRequest(String reason) {
    }

    @GET
    @Path("/{id}")
    Uni<Run> run(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/{id}/findings/{index}/dismissal")
    Uni<Run> dismiss(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
                     @PathParam("index") int index, DismissalRequest request);
}
