package io.mops.gateway.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** approval-service, called with the signed-in person's token: it checks roles and groups itself. */
@RegisterRestClient(configKey = "approvals")
@Path("/approvals")
public interface ApprovalsApi {

    /** A seat in a group handed to a colleague for some days; the list holds only those not revoked. */
    record Delegation(String id, String delegator, String delegate, String group, LocalDate from, LocalDate to,
                      Instant createdAt) {
    }

    record NewDelegation(String delegate, String group, LocalDate from, LocalDate to) {
    }

    /** {@code IMMEDIATE} (a mail per event) or {@code DAILY_DIGEST} (one mail a day). */
    record Preference(String mode) {
    }

    @GET
    @Path("/pending")
    Uni<List<InboxItem>> pending(@HeaderParam("Authorization") String bearer, @QueryParam("limit") int limit);

    /** An incident's acknowledgement as approval-service takes it. */
    record Acknowledgement(String comment) {
    }

    /** Every request of one kind, newest first (approvers and the CoE). */
    @GET
    Uni<List<InboxItem>> ofKind(@HeaderParam("Authorization") String bearer, @QueryParam("kind") String kind,
                                @QueryParam("size") int size);

    /** Only the CoE may acknowledge (403), only an incident not yet acknowledged nor resolved (409). */
    @POST
    @Path("/{id}/acknowledgement")
    Uni<RequestDetail> acknowledge(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
                                   Acknowledgement acknowledgement);

    @GET
    @Path("/{id}")
    Uni<RequestDetail> detail(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @POST
    @Path("/{id}/decisions")
    Uni<RequestDetail> decide(@HeaderParam("Authorization") String bearer, @PathParam("id") String id,
                              DecisionForm.Decision decision);

    /** An approver's own delegations, given or received; every one for the CoE. */
    @GET
    @Path("/delegations")
    Uni<List<Delegation>> delegations(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/delegations")
    Uni<Delegation> delegate(@HeaderParam("Authorization") String bearer, NewDelegation delegation);

    /** Only its delegator or the CoE may end a delegation (403), and only one in force (404). */
    @DELETE
    @Path("/delegations/{id}")
    Uni<Void> endDelegation(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/notification-preference")
    Uni<Preference> preference(@HeaderParam("Authorization") String bearer);

    @PUT
    @Path("/notification-preference")
    Uni<Preference> setPreference(@HeaderParam("Authorization") String bearer, Preference preference);
}
