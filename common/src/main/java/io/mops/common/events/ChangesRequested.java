package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/**
 * An approver wants the request changed before deciding: the requester treats it as not granted, and may send an
 * {@link ApprovalRequested} with the same kind and reference and new evidence, which reopens the request (grants
 * given before the change no longer count).
 *
 * @param requestedBy the approver asking for changes ({@code X on behalf of Y} under a delegation)
 * @param comment     what to change; never empty
 */
public record ChangesRequested(
        @NotNull UUID requestId,
        @NotBlank String kind,
        @NotBlank String reference,
        @NotBlank String requestedBy,
        @NotBlank String comment) {

    public static final EventType<ChangesRequested> TYPE =
            new EventType<>("ChangesRequested", 1, Topics.APPROVAL_DECISIONS, ChangesRequested.class);
}
