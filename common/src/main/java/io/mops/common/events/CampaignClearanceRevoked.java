package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign cleared earlier is no longer cleared: a later QA run of it (new content, or the same content under a
 * newer rule set) did not pass, or is waiting for a person. Consumers stop treating it as cleared until the next
 * {@link CampaignCleared}.
 *
 * @param clearedByRunId the run whose clearance ends
 * @param qaRunId        the later run that ended it
 * @param contentHash    that later run's {@code inputDigest}
 * @param verdict        that later run's verdict: {@code needs-approval} (waiting for, or refused by, a person) or
 *                       {@code blocked}
 */
public record CampaignClearanceRevoked(
        @NotBlank @Size(max = 80) String campaignId,
        UUID budgetCampaignId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotNull UUID clearedByRunId,
        @NotNull UUID qaRunId,
        @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String contentHash,
        @NotBlank @Pattern(regexp = "needs-approval|blocked") String verdict,
        @NotBlank @Size(max = 500) String reason,
        @NotNull Instant revokedAt) {

    public static final EventType<CampaignClearanceRevoked> TYPE =
            new EventType<>("CampaignClearanceRevoked", 1, Topics.QA_EVENTS, CampaignClearanceRevoked.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
