package io.mops.testing.exposure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Units that were shown a variant (up to 1,000 per request); the first exposure of a unit counts")
public record ExposureReport(@NotNull @NotEmpty @Size(max = 1000, message = "at most 1000 exposures per request")
                             List<@NotNull @Valid Seen> exposures) {

    public record Seen(@NotBlank @Size(max = 200) @Schema(examples = "user-42") String unitId,
                       @NotBlank @Size(max = 80) @Schema(examples = "control") String variant) {
    }

    public record Recorded(int recorded, int alreadyExposed) {
    }
}
