package io.mops.budget.budgets;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

@Schema(description = "A campaign's budget, taken from its channel's allocation")
public record CampaignDraft(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
        @Schema(examples = "search") String channel,
        @NotBlank @Size(max = 200) @Schema(examples = "Brand terms December") String name,
        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) @Schema(examples = "2500.00") BigDecimal amount,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,79}",
                message = "must be 1-80 letters, digits, dots, dashes or underscores (a QA submission's campaignId)")
        @Schema(description = "The campaign's key in qa-service (a QA submission's campaignId), which experiments "
                + "name it by too; links the budget to the campaign's clearance for launch. Optional; at most one "
                + "budget campaign carries a key", examples = "bf-2026-search-brand")
        String campaignKey,
        @DecimalMin("0") @Digits(integer = 15, fraction = 4)
        @Schema(description = "Funding on clearance: the budget the campaign gets by itself once QA clears it for "
                + "launch (its campaignKey, or the QA run naming this campaign). Until then the campaign holds it of "
                + "its channel's allocation but spends only amount. At least amount; optional",
                examples = "1500.00")
        BigDecimal plannedAmount) {
}
