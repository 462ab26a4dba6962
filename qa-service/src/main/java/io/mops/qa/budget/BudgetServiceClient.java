package io.mops.qa.budget;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * budget-service's campaign budgets, read with qa-service's own service token (client credentials of
 * {@code mops-services}, which has the coe role: QA reads any channel's campaign).
 */
@RegisterRestClient(configKey = "budget-service")
@OidcClientFilter
@Path("/budget/campaigns")
public interface BudgetServiceClient {

    @GET
    @Path("/{id}")
    HeldBudget campaign(@PathParam("id") UUID id);
}
