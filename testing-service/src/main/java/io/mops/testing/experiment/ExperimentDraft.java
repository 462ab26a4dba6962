package io.mops.testing.experiment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new experiment, created as a draft")
public record ExperimentDraft(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,79}", message = "must be 3-80 lowercase letters, digits or dashes")
        @Schema(examples = "black-friday-subject-lines") String key,
        @NotBlank @Size(max = 200) @Schema(examples = "Black Friday subject lines") String name,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}", message = "must be a lowercase channel key")
        @Schema(examples = "email") String channel) {
}
