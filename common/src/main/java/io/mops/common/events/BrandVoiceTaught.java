package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * An approver rejected a launch's copy and marked the rejection "teach brand voice": the copy becomes an example of
 * what the brand must not sound like, with the approver's reason. qa-service adds it to the brand's corpus once per
 * request.
 *
 * @param reference the QA run the copy came from
 */
public record BrandVoiceTaught(
        @NotNull UUID requestId,
        @NotBlank String reference,
        @NotBlank @Size(max = 120) String brand,
        @NotBlank @Size(max = 5000) String copy,
        @NotBlank @Size(max = 2000) String reason,
        @NotBlank String taughtBy) {

    public static final EventType<BrandVoiceTaught> TYPE =
            new EventType<>("BrandVoiceTaught", 1, Topics.APPROVAL_DECISIONS, BrandVoiceTaught.class);
}
