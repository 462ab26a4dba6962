package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/**
 * Nobody decided a request before it expired: the requester treats it as not granted.
 *
 * @param expiredAt the request's expiry, by the platform's clock
 */
public record ApprovalExpired(
        @NotNull UUID requestId,
        @NotBlank String kind,
        @NotBlank String reference,
        @NotNull Instant expiredAt) {

    public static final EventType<ApprovalExpired> TYPE =
            new EventType<>("ApprovalExpired", 1, Topics.APPROVAL_DECISIONS, ApprovalExpired.class);
}
