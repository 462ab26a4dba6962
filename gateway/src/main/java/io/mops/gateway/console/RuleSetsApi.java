package io.mops.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/** qa-service's rule set versions (CoE only; qa-service checks the role), called with the person's token. */
@RegisterRestClient(configKey = "qa")
@Path("/qa/rule-sets")
public interface RuleSetsApi {

    record Version(String name, int version, String region, String description, String createdBy,
                   Instant createdAt) {
    }

    /** Every version of every rule set, by name and version. */
    @GET
    Uni<List<Version>> list(@HeaderParam("Authorization") String bearer);

    /** The document of one version, as it judges campaigns. */
    @GET
    @Path("/{name}/versions/{version}")
    Uni<JsonNode> document(@HeaderParam("Authorization") String bearer, @PathParam("name") String name,
                           @PathParam("version") int version);
}
