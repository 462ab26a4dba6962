package io.mops.gateway.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;

/** budget-service, called with the signed-in person's token. */
@RegisterRestClient(configKey = "budget")
@Path("/budget")
public interface BudgetApi {

    record KillSwitch(Boolean frozen, String reason, String changedBy, Instant changedAt) {
    }

    @GET
    @Path("/kill-switch")
    Uni<KillSwitch> killSwitch(@HeaderParam("Authorization") String bearer);

    @PUT
    @Path("/kill-switch")
    Uni<KillSwitch> setKillSwitch(@HeaderParam("Authorization") String bearer, KillSwitch change);
}
