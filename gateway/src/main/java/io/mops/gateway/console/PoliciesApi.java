package io.mops.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/**
 * approval-service's approval policies, called with the signed-in person's token (only the CoE may change one). The
 * policy documents stay JSON here: an edit changes the thresholds and sends back everything else as it came.
 */
@RegisterRestClient(configKey = "approvals")
@Path("/approvals/policies")
public interface PoliciesApi {

    /** A policy in force: its document and its current version. */
    record InForce(int version, String changedBy, Instant changedAt, JsonNode policy) {

        public String name() {
            return policy.path("name").asText();
        }

        public String description() {
            return policy.path("description").asText("");
        }

        public PolicyEdit thresholds() {
            return PolicyEdit.of(policy);
        }

        /** The request kinds it matches, comma-separated. */
        public String kindsText() {
            return String.join(", ", PolicyEdit.texts(policy.path("match").path("kinds")));
        }

        /** The channels it is limited to, comma-separated, or "every". */
        public String channelsText() {
            List<String> channels = PolicyEdit.texts(policy.path("match").path("channels"));
            return channels.isEmpty() ? "every" : String.join(", ", channels);
        }
    }

    /** One version of a policy: who made it, when, the document before and after (before is null for the first). */
    record Change(int version, String changedBy, Instant changedAt, boolean retired, JsonNode before, JsonNode after) {

        /** What this version changed, field by field. */
        public List<String> changes() {
            return PolicyEdit.differences(before, after);
        }
    }

    @GET
    Uni<List<InForce>> inForce(@HeaderParam("Authorization") String bearer);

    /** 400 problem+json naming the refused field; 404 for a policy not in force. */
    @PUT
    @Path("/{name}")
    Uni<InForce> change(@HeaderParam("Authorization") String bearer, @PathParam("name") String name, JsonNode policy);

    @GET
    @Path("/{name}/history")
    Uni<List<Change>> history(@HeaderParam("Authorization") String bearer, @PathParam("name") String name);
}
