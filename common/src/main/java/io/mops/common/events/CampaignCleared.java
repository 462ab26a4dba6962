package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign's current content is cleared for launch: a QA run of exactly that content passed, or needed a person's
 * approval and got it. It stays cleared until a {@link CampaignClearanceRevoked} of the same campaign, which a later
 * run that does not pass causes.
 *
 * @param campaignId       the submission's campaign key (QA's subject {@code campaign:<campaignId>})
 * @param budgetCampaignId the campaign's id in budget-service, when the submission named it; budget-service keys its
 *                         clearance by it and ignores clearances without one
 * @param qaRunId          the run whose verdict cleared the campaign
 * @param contentHash      the run's {@code inputDigest}: SHA-256 of the submission as canonical JSON (64 hex digits)
 * @param approvalId       the approval request that granted a needs-approval run (the {@code ApprovalRequested}
 *                         event id); null when the run passed by itself
 * @param approvedBy       who granted it, comma-separated; null when the run passed by itself
 * @param verdict          the run's verdict: {@code pass} or {@code needs-approval}
 */
public record CampaignCleared(
        @NotBlank @Size(max = 80) String campaignId,
        UUID budgetCampaignId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotNull UUID qaRunId,
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String contentHash,
        UUID approvalId,
        @Size(max = 1000) String approvedBy,
        @NotBlank @Pattern(regexp = "pass|needs-approval") String verdict,
        @NotNull Instant clearedAt) {

    public static final EventType<CampaignCleared> TYPE =
            new EventType<>("CampaignCleared", 1, Topics.QA_EVENTS, CampaignCleared.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
