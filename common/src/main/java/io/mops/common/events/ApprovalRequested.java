package io.mops.common.events;

import jakarta.validation.Valid;
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
 * @param risk        optional (added in version 1 without a bump): what approval policies match on besides kind,
 *                    channel and amount
 * @param evidence    optional (added in version 1 without a bump): structured, versioned evidence for the approver;
 *                    a second request with the same source, kind and reference while the first is still open is a
 *                    change of evidence (it resets grants already given)
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
        Instant expiresAt,
        @Valid Risk risk,
        @Valid ApprovalEvidence evidence) {

    /** The form without risk and evidence, as requesters wrote it before those fields existed. */
    public ApprovalRequested(String kind, String reference, String channel, String summary, String explanation,
                             BigDecimal amount, String currency, String requestedBy, Instant expiresAt) {
        this(kind, reference, channel, summary, explanation, amount, currency, requestedBy, expiresAt, null, null);
    }

    /**
     * @param score      0 (harmless) to 100, as the requester rates it (qa-service: the run's risk score)
     * @param verdict    the requester's own verdict, e.g. qa-service's {@code needs-approval}
     * @param categories what the request touches, e.g. finding categories such as {@code health-claim}
     */
    public record Risk(@jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(100) Integer score,
                       @Size(max = 40) String verdict,
                       @Size(max = 50) java.util.List<@NotBlank @Size(max = 80) String> categories) {

        public Risk {
            categories = categories == null ? java.util.List.of() : java.util.List.copyOf(categories);
        }
    }

    public static final EventType<ApprovalRequested> TYPE =
            new EventType<>("ApprovalRequested", 1, Topics.APPROVAL_REQUESTS, ApprovalRequested.class);
}
