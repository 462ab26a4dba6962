package io.mops.budget.budgets;

import io.mops.budget.pacing.PacingCurve;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

@Schema(description = "A new budget plan: the organisation-wide total for a month or a custom period")
public record PlanDraft(
        @NotBlank @Size(max = 200) @Schema(examples = "December 2026") String name,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        @Schema(examples = "EUR") String currency,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "100000.00") BigDecimal total,
        @Schema(description = "a calendar month; or give periodStart and periodEnd", examples = "2026-12") YearMonth month,
        @Schema(examples = "2026-12-01") LocalDate periodStart,
        @Schema(examples = "2026-12-31") LocalDate periodEnd,
        @Schema(description = "defaults to EVEN") PacingCurve pacing,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false)
        @Schema(description = "half-width of the pacing band as a share of the budget; defaults to 0.1", examples = "0.1")
        BigDecimal pacingTolerance,
        @Schema(description = "initial allocation per channel") Map<
                @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key") String,
                @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal> allocations) {
}
