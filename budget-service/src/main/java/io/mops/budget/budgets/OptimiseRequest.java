package io.mops.budget.budgets;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

@Schema(description = "Guardrails for a proposed reallocation of a plan's channel allocations")
public record OptimiseRequest(
        @DecimalMin("0") @Digits(integer = 4, fraction = 2)
        @Schema(description = "largest raise or cut of one channel in this move, in percent; none when absent",
                examples = "20") BigDecimal maxChangePercent,
        @Schema(description = "also hand out what the plan has not allocated yet") boolean includeUnallocated,
        @Schema(description = "per-channel minimum, maximum and lock") Map<
                @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key") String,
                @Valid Guardrail> channels) {

    public record Guardrail(
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal minimum,
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal maximum,
            boolean locked) {
    }
}
