package io.mops.testing.experiment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Move an experiment through its lifecycle: DRAFT -> RUNNING <-> PAUSED -> CONCLUDED")
public record StatusChange(
        @NotNull @Schema(examples = "RUNNING") Experiment.Status status,
        @Size(max = 400) @Schema(examples = "creative approved") String reason) {
}
