package io.mops.gateway.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;

/** testing-service, called with the signed-in person's token: it lists only the caller's channel's experiments. */
@RegisterRestClient(configKey = "experiments")
@Path("/experiments")
public interface ExperimentsApi {

    record Experiment(String key, String name, String channel, String status, String metric, String winner,
                      Instant statusChangedAt) {
    }

    @GET
    Uni<List<Experiment>> list(@HeaderParam("Authorization") String bearer);
}
