package io.mops.budget.budgets;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

@Schema(description = "Money a campaign spent on one day, as its ad platform reported it")
public record SpendReport(
        @NotNull @Schema(examples = "2026-12-03") LocalDate day,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "412.37") BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
        @Schema(examples = "EUR") String currency) {
}
