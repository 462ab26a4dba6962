package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;
import java.util.UUID;

/**
 * People approved a request: the requesting service may now do what it asked for (and only that).
 *
 * @param approvedBy every approver who signed off (two for four-eyes decisions)
 */
public record ApprovalGranted(
        @NotNull UUID requestId,
        @NotBlank String kind,
        @NotBlank String reference,
        @NotEmpty List<@NotBlank String> approvedBy,
        String comment) {

    public static final EventType<ApprovalGranted> TYPE =
            new EventType<>("ApprovalGranted", 1, Topics.APPROVAL_DECISIONS, ApprovalGranted.class);
}
