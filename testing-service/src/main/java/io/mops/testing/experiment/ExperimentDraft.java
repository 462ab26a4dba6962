package io.mops.testing.experiment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.util.List;

@Schema(description = "A new experiment, created as a draft")
public record ExperimentDraft(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,79}", message = "must be 3-80 lowercase letters, digits or dashes")
        @Schema(examples = "black-friday-subject-lines") String key,
        @NotBlank @Size(max = 200) @Schema(examples = "Black Friday subject lines") String name,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
        @Schema(examples = "email") String channel,
        @Pattern(regexp = "[a-z][a-z0-9_-]{0,79}", message = "must be a lowercase metric name")
        @Schema(description = "Primary metric; defaults to 'conversion'", examples = "revenue") String metric,
        @Schema(description = "BINARY (converted or not, the default) or CONTINUOUS (a value per unit such as revenue)")
        MetricKind metricKind,
        @Size(max = 10, message = "at most 10 guardrails")
        @Schema(description = "Guardrail metrics: rates of harm where higher is worse; a variant significantly worse "
                + "than the control on one is paused at the next re-weighting", examples = "[\"unsubscribe\"]")
        List<@NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,79}", message = "must be a lowercase metric name") String>
        guardrails,
        @Schema(description = "Re-weight by Thompson sampling on this cadence (ISO-8601, at least PT1S); "
                + "without it only on request", examples = "PT1H")
        Duration reweighEvery,
        @Positive
        @Schema(description = "The control's expected mean: its conversion rate (below 1) for a BINARY metric, its "
                + "value per unit for a CONTINUOUS one. Fixes, with minimumDetectableEffect, the always-valid "
                + "test's mixing scale when the experiment starts", examples = "0.032")
        Double baseline,
        @Positive
        @Schema(description = "The relative uplift worth finding (0.1 = 10 %); defaults to "
                + "mops.testing.relative-effect-of-interest", examples = "0.1")
        Double minimumDetectableEffect,
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,79}",
                message = "must be 1-80 letters, digits, dots, dashes or underscores (a QA submission's campaignId)")
        @Schema(description = "The campaign the experiment tests, as qa-service knows it (a QA submission's "
                + "campaignId). An experiment naming a campaign can be started (and resumed) only while qa-service "
                + "has cleared that campaign for launch", examples = "bf-2026-email-us")
        String campaignId) {

    String metricOrDefault() {
        return metric == null ? "conversion" : metric;
    }

    MetricKind metricKindOrDefault() {
        return metricKind == null ? MetricKind.BINARY : metricKind;
    }
}
