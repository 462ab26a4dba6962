package io.mops.qa.budget;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What budget-service holds for a campaign, as its {@code GET /budget/campaigns/{id}} answers (the fields QA reads).
 *
 * @param amount    the campaign's budget
 * @param remaining what is left of it after the spend so far
 * @param status    {@code ACTIVE}, or {@code STOPPED} once the budget is used up
 */
public record HeldBudget(UUID id, String channel, String name, String currency, BigDecimal amount, BigDecimal spent,
                         BigDecimal remaining, String status) {
}
