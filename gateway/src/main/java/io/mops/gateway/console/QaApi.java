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

/** qa-service's runs, called with the signed-in person's token: it checks the role and the channel itself. */
@RegisterRestClient(configKey = "qa")
@Path("/qa/runs")
public interface QaApi {

    /** A QA run as qa-service answers it; {@code verdict} is {@code pass}, {@code needs-approval} or {@code blocked}. */
    record Run(String id, String campaignId, String channel, String verdict, int riskScore, int distinctIssues,
               String ruleSet, int ruleSetVersion, List<Finding> findings, String requestedBy, Instant createdAt) {

        public List<Finding> findings() {
            return findings == null ? List.of() : findings;
        }

        /** The verdict for people. */
        public String verdictLabel() {
            return switch (verdict == null ? "" : verdict) {
                case "pass" -> "Passed";
                case "needs-approval" -> "Needs approval";
                case "blocked" -> "Blocked";
                default -> verdict;
            };
        }

        /** The badge's style: green, amber or red. */
        public String verdictBadge() {
            return switch (verdict == null ? "" : verdict) {
                case "pass" -> "on-track";
                case "needs-approval" -> "due-soon";
                default -> "overdue";
            };
        }
    }

    /**
     * {@code severity} is {@code block}, {@code warn} or {@code info}.
     *
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

    /** 201 with the run; 400 problem+json naming the refused fields; 403 for another channel than the caller's. */
    @POST
    Uni<Run> submit(@HeaderParam("Authorization") String bearer, QaSubmissionForm.Submission submission);

    @GET
    @Path("/{id}")
    Uni<Run> run(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/{id}/findings/{index}/dismissal")
    Uni<Run> dismiss(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
                     @PathParam("index") int index, DismissalRequest request);
}
