package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The requesting service no longer wants a decision on something it asked for ({@link ApprovalRequested} with the
 * same {@code kind} and {@code reference}): a newer request replaced it, or it lapsed undecided. The approval
 * service takes it out of the approvers' queue; a decision taken on it afterwards is refused there.
 * Published on the requests topic with the request's key, so it never overtakes the request it withdraws.
 *
 * @param reason {@code SUPERSEDED} (a newer request replaces it), {@code EXPIRED} (nobody decided in time) or
 *               {@code RESOLVED} (what it asked about was settled elsewhere: an incident whose anomaly a person
 *               resolved in the requesting service)
 * @param detail what an approver reads, e.g. {@code superseded by proposal 7c9e…}
 * @param withdrawnBy who or what withdrew it (a service, or a person's name)
 */
public record ApprovalWithdrawn(
        @NotBlank @Size(max = 80) String kind,
        @NotBlank @Size(max = 200) String reference,
        @NotNull @Pattern(regexp = "SUPERSEDED|EXPIRED|RESOLVED") String reason,
        @Size(max = 2000) String detail,
        @NotBlank String withdrawnBy) {

    public static final EventType<ApprovalWithdrawn> TYPE =
            new EventType<>("ApprovalWithdrawn", 1, Topics.APPROVAL_REQUESTS, ApprovalWithdrawn.class);
}
