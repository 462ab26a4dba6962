package io.mops.budget.budgets;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A campaign's new planned budget (funding on clearance): reserved while QA has not cleared the "
        + "campaign, its budget at once while QA has")
public record PlannedAmountChange(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "1800.00")
        BigDecimal plannedAmount) {
}
