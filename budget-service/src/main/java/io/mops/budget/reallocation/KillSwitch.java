package io.mops.budget.reallocation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * @param frozen while true no move is made by the service, not even a granted one; proposals are still recorded
 */
@Schema(description = "The CoE's kill switch for autonomous budget moves")
public record KillSwitch(@NotNull Boolean frozen,
                         @Size(max = 500) @Schema(description = "why; required to freeze") String reason,
                         String changedBy, Instant changedAt) {
}
