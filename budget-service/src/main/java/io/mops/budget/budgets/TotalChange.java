package io.mops.budget.budgets;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A plan's new total, never below what its channels already hold")
public record TotalChange(
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "120000.00") BigDecimal total,
        @Schema(description = "the plan version the change was computed from") Long expectedVersion) {
}
