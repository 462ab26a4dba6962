package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A campaign has spent its whole budget: budget-service marked it to stop. Emitted once, by the spend that used
 * the budget up; spend beyond the budget is reported as {@code overrun}, never absorbed.
 *
 * @param spent everything spent on the campaign in the period, including the spend that exhausted it
 * @param overrun spend beyond the budget (zero when the budget was hit exactly)
 * @param day the day of the spend that exhausted the budget
 */
public record BudgetExhausted(
        @NotNull UUID campaignId,
        @NotBlank String campaign,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotNull UUID planId,
        @NotNull @PositiveOrZero BigDecimal budget,
        @NotNull @PositiveOrZero BigDecimal spent,
        @NotNull @PositiveOrZero BigDecimal overrun,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull LocalDate day) {

    public static final EventType<BudgetExhausted> TYPE =
            new EventType<>("BudgetExhausted", 1, Topics.BUDGET_EVENTS, BudgetExhausted.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
