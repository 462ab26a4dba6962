package io.mops.common.events;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A service asks people to decide something it may not do on its own (a budget move above the autonomous
 * threshold, a campaign QA found questionable). The decision comes back as {@link ApprovalGranted} or
 * {@link ApprovalRejected} with the same {@code reference}.
 *
 * @param kind        what is asked, e.g. {@code ReallocationProposal}, {@code CampaignLaunch}
 * @param reference   the requesting service's own id for the thing to decide (unique per source and kind)
 * @param channel     the channel concerned, if one
 * @param summary     one line an approver reads first
 * @param explanation everything the approver needs to decide, as the requesting service explains it
 * @param amount      the money at stake, if any (drives how many approvers are needed)
 * @param requestedBy who or what asked (a person's name or a service)
 * @param expiresAt   after this the request lapses undecided, if set
 */
public record ApprovalRequested(
        @NotBlank @Size(max = 80) String kind,
        @NotBlank @Size(max = 200) String reference,
        @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank @Size(max = 300) String summary,
        @Size(max = 20000) String explanation,
        @DecimalMin("0") BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotBlank String requestedBy,
        Instant expiresAt) {

    public static final EventType<ApprovalRequested> TYPE =
            new EventType<>("ApprovalRequested", 1, Topics.APPROVAL_REQUESTS, ApprovalRequested.class);
}
