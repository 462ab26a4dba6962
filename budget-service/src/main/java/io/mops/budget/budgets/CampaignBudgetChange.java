package io.mops.budget.budgets;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A campaign's new budget")
public record CampaignBudgetChange(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "3000.00") BigDecimal amount) {
}
