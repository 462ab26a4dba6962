package io.mops.common.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;
import java.util.UUID;

/**
 * QA's verdict on one campaign before launch: whether it may go live ({@code pass}), needs a person's approval
 * ({@code needs-approval}, any warning) or must not launch as submitted ({@code blocked}, any block), judged under
 * a named version of a rule set.
 *
 * @param runId     the QA run; its findings are at {@code GET /qa/runs/{runId}}
 * @param riskScore 0 (nothing found) to 100
 * @param ruleIds   the distinct rules that reported findings, sorted
 */
public record QaCompleted(
        @NotNull UUID runId,
        @NotBlank String campaignId,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank @Pattern(regexp = "pass|needs-approval|blocked") String verdict,
        @Min(0) @Max(100) int riskScore,
        @NotBlank String ruleSet,
        @Min(1) int ruleSetVersion,
        @PositiveOrZero int blocks,
        @PositiveOrZero int warnings,
        @PositiveOrZero int infos,
        @NotNull List<@NotBlank String> ruleIds) {

    public static final EventType<QaCompleted> TYPE =
            new EventType<>("QaCompleted", 1, Topics.QA_EVENTS, QaCompleted.class);

    public String subject() {
        return "campaign:" + campaignId;
    }
}
