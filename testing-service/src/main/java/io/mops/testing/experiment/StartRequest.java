package io.mops.testing.experiment;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Start a draft experiment, or let it wait for its campaign's clearance; the body is optional")
public record StartRequest(@Size(max = 300) @Schema(examples = "creative approved") String reason) {
}
