package io.mops.qa.budget;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.UUID;

/**
 * Asks budget-service what it holds for a campaign. A QA run must never wait long or fail because budget-service is
 * away: each call times out after 2 s, a failed call is tried twice more, repeated failures open the circuit for
 * 10 s (runs then do not call at all), and whatever still fails becomes {@link BudgetLookup.Unreachable}. A 404 is an
 * answer, not a failure: it neither retries nor counts against the circuit. Blocking: call on a worker thread.
 */
@ApplicationScoped
public class BudgetLedger {

    private final BudgetServiceClient budgetService;

    public BudgetLedger(@RestClient BudgetServiceClient budgetService) {
        this.budgetService = budgetService;
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 1)
    @Fallback(Unreachable.class)
    public BudgetLookup lookUp(UUID budgetCampaignId) {
        try {
            return new BudgetLookup.Held(budgetService.campaign(budgetCampaignId));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return new BudgetLookup.Unknown(budgetCampaignId);
            }
            throw e;
        }
    }

    /** The answer when budget-service could not be asked: the reason, for the finding and the log. */
    public static final class Unreachable implements FallbackHandler<BudgetLookup> {

        @Override
        public BudgetLookup handle(ExecutionContext context) {
            UUID id = (UUID) context.getParameters()[0];
            Throwable failure = context.getFailure();
            String reason = failure == null ? "no answer" : failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
            reason = reason.strip().replaceAll("\\s+", " ");
            if (reason.length() > 200) {
                reason = reason.substring(0, 199) + "…";
            }
            Log.warnf("budget-service did not answer about campaign %s: %s", id, reason);
            return new BudgetLookup.Unreachable(id, reason);
        }
    }
}
