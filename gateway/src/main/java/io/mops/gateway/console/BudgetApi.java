package io.mops.gateway.console;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** budget-service, called with the signed-in person's token. */
@RegisterRestClient(configKey = "budget")
@Path("/budget")
public interface BudgetApi {

    record KillSwitch(Boolean frozen, String reason, String changedBy, Instant changedAt) {
    }

    /** A plan as budget-service shows it to the caller: a channel team sees only its own channel. */
    record Plan(String id, String name, String currency, BigDecimal total, BigDecimal allocated,
                BigDecimal unallocated, LocalDate periodStart, LocalDate periodEnd, String pacing, long version,
                List<PlanChannel> channels) {

        public List<PlanChannel> channels() {
            return channels == null ? List.of() : channels;
        }
    }

    record PlanChannel(String channel, BigDecimal allocation, BigDecimal committedToCampaigns,
                       BigDecimal uncommitted) {
    }

    /** Spend against plan, cumulative per day; {@code spent} is absent for days to come. */
    record Pacing(String planId, String currency, String channel, BigDecimal budget, String pacing,
                  LocalDate periodStart, LocalDate periodEnd, LocalDate asOf, BigDecimal spentToDate,
                  List<PacingDay> days) {

        public List<PacingDay> days() {
            return days == null ? List.of() : days;
        }

        public List<String> labels() {
            return days().stream().map(d -> d.day().toString()).toList();
        }

        public List<BigDecimal> planned() {
            return days().stream().map(PacingDay::planned).toList();
        }

        public List<BigDecimal> spent() {
            return days().stream().map(PacingDay::spent).toList();
        }

        /** Planned by the end of {@code asOf}, the figure today's spend is judged against. */
        public BigDecimal plannedToDate() {
            return days().stream().filter(d -> !d.day().isAfter(asOf)).reduce((a, b) -> b)
                    .map(PacingDay::planned).orElse(BigDecimal.ZERO);
        }
    }

    record PacingDay(LocalDate day, BigDecimal planned, BigDecimal spent) {
    }

    /** A proposed move and what became of it; a channel team sees only its own channel's line. */
    record Reallocation(String id, String planId, String status, String triggeredBy, String currency,
                        BigDecimal amountMoved, String reason, Instant proposedAt, String decidedBy,
                        Instant decidedAt, String rolledBackBy, Instant rolledBackAt, List<Shift> channels) {

        public List<Shift> channels() {
            return channels == null ? List.of() : channels;
        }

        /** Only an applied move can be rolled back; budget-service refuses (409) if a channel changed since. */
        public boolean rollbackable() {
            return "APPLIED".equals(status);
        }
    }

    record Shift(String channel, BigDecimal before, BigDecimal after, BigDecimal change) {
    }

    @GET
    @Path("/kill-switch")
    Uni<KillSwitch> killSwitch(@HeaderParam("Authorization") String bearer);

    @PUT
    @Path("/kill-switch")
    Uni<KillSwitch> setKillSwitch(@HeaderParam("Authorization") String bearer, KillSwitch change);

    @GET
    @Path("/plans")
    Uni<List<Plan>> plans(@HeaderParam("Authorization") String bearer, @QueryParam("activeOn") String activeOn,
                          @QueryParam("limit") int limit);

    @GET
    @Path("/plans/{id}")
    Uni<Plan> plan(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/reallocations")
    Uni<List<Reallocation>> reallocations(@HeaderParam("Authorization") String bearer,
                                          @QueryParam("planId") String planId);

    @POST
    @Path("/reallocations/{id}/rollback")
    Uni<Reallocation> rollback(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    @GET
    @Path("/plans/{id}/pacing")
    Uni<Pacing> pacing(@HeaderParam("Authorization") String bearer, @PathParam("id") String id);

    /** Every applied move's forecast beside what it brought, and their calibration (docs/budget.md). */
    @GET
    @Path("/track-record")
    Uni<TrackRecord> trackRecord(@HeaderParam("Authorization") String bearer);
}
