package io.mops.budget.budgets;

import io.mops.budget.plan.BudgetRuleViolation;
import io.mops.common.problem.InvalidRequestException;
import io.mops.common.problem.ProblemMappers;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Budget rules broken by a request are the caller's mistake: a 400 naming the field, never a 500. */
public class BudgetProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response budgetRuleBroken(BudgetRuleViolation e, UriInfo uri) {
        return problems.invalidArgument(new InvalidRequestException(e.field(), e.reason()), uri);
    }

    /** Whether a failure means another transaction changed the same budget first. */
    static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }
}
