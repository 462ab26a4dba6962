package io.mops.budget.reallocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;

@Schema(description = "The CoE's approval policy for autonomous moves; replaces the previous one whole")
public record PolicyChange(
        @NotNull
        @Schema(description = "per ISO 4217 currency, the largest amount one autonomous move may shift in a plan of "
                + "that currency; a move in a currency not listed needs approval", examples = "{\"EUR\": 500, \"JPY\": 80000}")
        Map<@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String,
                @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal> maxAmountMoved,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4)
        @Schema(description = "largest share of the plan's total one autonomous move may shift, in percent",
                examples = "5") BigDecimal maxPercentOfTotal,
        @Schema(description = "per-channel limits on what one autonomous move may add to or take from the channel")
        Map<@Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key") String,
                @Valid @NotNull ChannelLimit> channels) {

    public record ChannelLimit(
            @Schema(description = "per ISO 4217 currency, the largest change of the channel in one autonomous move; "
                    + "when given, a move in a currency not listed needs approval", examples = "{\"EUR\": 200}")
            Map<@Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String,
                    @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal> maxAmount,
            @DecimalMin("0") @Digits(integer = 5, fraction = 4) BigDecimal maxPercentOfAllocation) {
    }
}
