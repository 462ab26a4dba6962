package io.mops.approval.decision;

import io.mops.approval.routing.Verdict;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * @param comment         required for REJECT and REQUEST_CHANGES: the requester must learn why
 * @param onBehalfOf      decide in the seat of a colleague who delegated theirs to the caller for today
 * @param teachBrandVoice with REJECT of a launch: the copy becomes a rejected example of the brand's voice, with the
 *                        comment as the reason
 */
@Schema(description = "An approver's decision on a pending request")
public record DecisionRequest(@NotNull Verdict verdict,
                              @Size(max = 2000) @Schema(examples = "Fine for Black Friday week.") String comment,
                              @Size(max = 200) String onBehalfOf,
                              Boolean teachBrandVoice) {

    public DecisionRequest(Verdict verdict, String comment) {
        this(verdict, comment, null, null);
    }

    boolean teaches() {
        return Boolean.TRUE.equals(teachBrandVoice);
    }
}
