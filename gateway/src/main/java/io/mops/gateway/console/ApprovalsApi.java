package io.mops.gateway.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** approval-service, called with the signed-in person's token: it checks roles and groups itself. */
@RegisterRestClient(configKey = "approvals")
@Path("/approvals")
public interface ApprovalsApi {

    @GET
    @Path("/pending")
    Uni<List<InboxItem>> pending(@HeaderParam("Authorization") String bearer, @QueryParam("limit") int limit);

    @GET
    @Path("/{id}")
    Uni<RequestDetail> detail(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/{id}/decisions")
    Uni<RequestDetail> decide(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
                              DecisionForm.Decision decision);
}
