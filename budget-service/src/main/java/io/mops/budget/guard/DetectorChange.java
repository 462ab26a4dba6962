package io.mops.budget.guard;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

@Schema(description = "New thresholds (by name; those not given return to their defaults) and containment action")
public record DetectorChange(
        @Schema(description = "threshold values by name; GET shows each detector's names and ranges",
                examples = "{\"maxProbability\": 0.0001, \"windowHours\": 6}") Map<String, Double> thresholds,
        @Size(max = 40) @Schema(description = "ALERT_ONLY, FREEZE_CHANNEL or PAUSE_CAMPAIGN_SPEND, as the detector "
                + "allows; its default when absent") String action) {
}
