package io.mops.budget.budgets;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

@Schema(description = "New allocations for some channels of a plan, applied together or not at all")
public record AllocationChange(
        @NotEmpty Map<
                @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key") String,
                @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal> allocations,
        @Schema(description = "the plan version the change was computed from; a 409 when the plan has moved on since")
        Long expectedVersion) {
}
