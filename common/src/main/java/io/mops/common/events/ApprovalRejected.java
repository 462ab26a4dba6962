package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** A person refused a request: the requesting service drops what it asked for. */
public record ApprovalRejected(
        @NotNull UUID requestId,
        @NotBlank String kind,
        @NotBlank String reference,
        @NotBlank String rejectedBy,
        String comment) {

    public static final EventType<ApprovalRejected> TYPE =
            new EventType<>("ApprovalRejected", 1, Topics.APPROVAL_DECISIONS, ApprovalRejected.class);
}
