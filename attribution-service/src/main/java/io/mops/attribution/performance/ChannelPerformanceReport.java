package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated.PeriodKind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One channel's attributed results over one period, as a person records them — for a channel whose data attribution
 * does not have, or to correct a period.
 *
 * @param periodEnd optional; when given, it must be the period's last day
 */
@Schema(description = "A channel's attributed conversions, value and spend over one day or ISO week")
public record ChannelPerformanceReport(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
        @Schema(examples = "search") String channel,
        @NotBlank @Schema(examples = "markov-1") String model,
        @NotNull @Schema(examples = "WEEK") PeriodKind periodKind,
        @NotNull @Schema(examples = "2026-11-16", description = "a Monday for a WEEK") LocalDate periodStart,
        @Schema(examples = "2026-11-22", description = "optional: the period's last day") LocalDate periodEnd,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "412.5") BigDecimal creditedConversions,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "20625.00") BigDecimal creditedValue,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "8250.00") BigDecimal spend,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") @Schema(examples = "EUR") String currency) {
}
