package io.mops.common.events;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A campaign's projected end-of-period spend has left the tolerance band around its budget. Emitted when the
 * pacing state changes (on pace to over- or underpacing, or from one to the other), not on every spend.
 *
 * @param pacing {@code OVERPACING} (the budget will run out early) or {@code UNDERPACING} (money will be left)
 * @param curve the pacing curve the campaign is judged against: {@code EVEN}, {@code FRONT_LOADED}, {@code BACK_LOADED}
 * @param plannedToDate what the curve planned to be spent by the end of {@code asOf}
 * @param projectedSpend the spend at the end of the period if the campaign keeps its pace relative to the curve
 * @param tolerance the band's half-width as a share of the budget (0.1 = ±10 %)
 */
public record BudgetPacingAlert(
        @NotNull UUID campaignId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotNull UUID planId,
        @NotNull @Pattern(regexp = "OVERPACING|UNDERPACING") String pacing,
        @NotNull @Pattern(regexp = "EVEN|FRONT_LOADED|BACK_LOADED") String curve,
        @NotNull @PositiveOrZero BigDecimal budget,
        @NotNull @PositiveOrZero BigDecimal spentToDate,
        @NotNull @PositiveOrZero BigDecimal plannedToDate,
        @NotNull @PositiveOrZero BigDecimal projectedSpend,
        @NotNull @PositiveOrZero @DecimalMax(value = "1", inclusive = false) BigDecimal tolerance,
        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotNull LocalDate asOf) {

    public static final EventType<BudgetPacingAlert> TYPE =
            new EventType<>("BudgetPacingAlert", 1, Topics.BUDGET_EVENTS, BudgetPacingAlert.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
