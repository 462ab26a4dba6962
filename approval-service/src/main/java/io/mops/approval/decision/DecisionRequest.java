package io.mops.approval.decision;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An approver's decision on a pending request")
public record DecisionRequest(@NotNull Verdict verdict,
                              @Size(max = 2000) @Schema(examples = "Fine for Black Friday week.") String comment) {
}
