package io.mops.testing.exposure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

@Schema(description = "Outcomes of exposed units (up to 1,000 per request)")
public record OutcomeReport(@NotNull @NotEmpty @Size(max = 1000, message = "at most 1000 outcomes per request")
                            List<@NotNull @Valid Outcome> outcomes) {

    /**
     * @param value  for a CONTINUOUS metric the amount (revenue, say), required; for a BINARY metric or a guardrail
     *               absent or 1
     * @param metric the primary metric when absent, otherwise the primary metric's or a guardrail's name
     */
    public record Outcome(@NotBlank @Size(max = 200) @Schema(examples = "user-42") String unitId,
                          @Digits(integer = 15, fraction = 4) @Schema(examples = "49.90") BigDecimal value,
                          @Size(max = 80) @Schema(examples = "unsubscribe") String metric) {
    }

    public record Recorded(int recorded) {
    }
}
