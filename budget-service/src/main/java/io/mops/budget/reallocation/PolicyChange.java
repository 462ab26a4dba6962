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
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "largest amount one autonomous move may shift, in the plan's currency", examples = "500")
        BigDecimal maxAmountMoved,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4)
        @Schema(description = "largest share of the plan's total one autonomous move may shift, in percent",
                examples = "5") BigDecimal maxPercentOfTotal,
        @Schema(description = "per-channel limits on what one autonomous move may add to or take from the channel")
        Map<@Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key") String,
                @Valid @NotNull ChannelLimit> channels) {

    public record ChannelLimit(
            @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal maxAmount,
            @DecimalMin("0") @Digits(integer = 5, fraction = 4) BigDecimal maxPercentOfAllocation) {
    }
}
