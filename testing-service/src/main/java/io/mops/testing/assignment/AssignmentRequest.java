package io.mops.testing.assignment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

public final class AssignmentRequest {

    private AssignmentRequest() {
    }

    @Schema(description = "The unit (user or anonymous id) to assign")
    public record One(@NotBlank @Size(max = 200) @Schema(examples = "user-42") String unitId) {
    }

    @Schema(description = "Up to 10,000 units to assign at once")
    public record Bulk(@NotNull @NotEmpty @Size(max = 10_000, message = "at most 10000 units per request")
                       List<@NotBlank @Size(max = 200) String> unitIds) {
    }

    public record Assignment(String unitId, String variant) {
    }

    public record Assignments(String experiment, int allocationVersion, List<Assignment> assignments) {
    }

    public record Single(String experiment, int allocationVersion, String unitId, String variant) {
    }
}
