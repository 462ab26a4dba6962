package io.mops.qa.budget;

import java.util.UUID;

/** What asking budget-service about a campaign's budget came to. */
public sealed interface BudgetLookup {

    /** The submission names no campaign of budget-service, so there was nothing to ask. */
    record NotLinked() implements BudgetLookup {
    }

    record Held(HeldBudget budget) implements BudgetLookup {
    }

    /** budget-service answered that it has no such campaign. */
    record Unknown(UUID budgetCampaignId) implements BudgetLookup {
    }

    /** budget-service did not answer usefully (down, slow, erroring, or the circuit is open). */
    record Unreachable(UUID budgetCampaignId, String reason) implements BudgetLookup {
    }
}
