package io.mops.approval.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * An approval policy as the CoE writes it: which requests it matches and what happens to them. Stored as JSON, one
 * row per version.
 *
 * @param precedence the higher wins when several policies match one request; two policies that can match the same
 *                   request must not share a precedence
 * @param expiresAfter after this (from arrival) the request expires undecided, unless the requester set an earlier
 *                     expiry
 * @param onExpiry   {@code EXPIRE} (the default: not granted) or {@code GRANT} — allowed only for a low-risk policy
 *                   (one bounded by {@code match.riskScoreBelow} at most 30, or by {@code match.amountUpTo})
 */
@Schema(description = "An approval policy: what it matches and how matching requests are decided")
public record PolicyDocument(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,79}", message = "lower-case letters, digits and dashes")
        String name,
        @Size(max = 500) String description,
        @Min(0) @Max(1000) int precedence,
        @NotNull @Valid Match match,
        @NotNull Action action,
        @Valid List<@NotNull @Valid Stage> stages,
        StageOrder stageOrder,
        Duration expiresAfter,
        OnExpiry onExpiry) {

    public enum Action { AUTO_APPROVE, ROUTE }

    public enum StageOrder { SEQUENTIAL, PARALLEL }

    public enum OnExpiry { EXPIRE, GRANT }

    public PolicyDocument {
        stages = stages == null ? List.of() : List.copyOf(stages);
        stageOrder = stageOrder == null ? StageOrder.SEQUENTIAL : stageOrder;
        onExpiry = onExpiry == null ? OnExpiry.EXPIRE : onExpiry;
    }

    /**
     * Conditions that must all hold; an absent condition holds for every request.
     *
     * @param amountAbove       money at stake strictly above this (in {@code currency})
     * @param amountUpTo        money at stake at most this (in {@code currency})
     * @param riskScoreAtLeast  the requester's risk score at least this
     * @param riskScoreBelow    the requester's risk score below this (a request without a score does not match)
     * @param verdicts          the requester's verdict is one of these (qa-service: {@code needs-approval})
     * @param categories        the request touches at least one of these categories (e.g. {@code health-claim})
     */
    public record Match(@NotEmpty List<@NotBlank String> kinds,
                        List<@NotBlank String> channels,
                        @Pattern(regexp = "[A-Z]{3}") String currency,
                        @DecimalMin("0") BigDecimal amountAbove,
                        @DecimalMin("0") BigDecimal amountUpTo,
                        @Min(0) @Max(100) Integer riskScoreAtLeast,
                        @Min(1) @Max(101) Integer riskScoreBelow,
                        List<@NotBlank String> verdicts,
                        List<@NotBlank String> categories) {

        public Match {
            kinds = kinds == null ? null : List.copyOf(kinds);
            channels = channels == null ? List.of() : List.copyOf(channels);
            verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * One round of sign-off.
     *
     * @param groups      Keycloak groups or realm roles whose members may decide in this stage
     * @param quorum      how many different people must grant: a number, or {@code all} (every member of the groups
     *                    but the requester)
     * @param due         how long the stage may take once it is open
     * @param remindBefore a reminder goes to the stage's approvers this long before it is due
     * @param escalateTo  a group that may decide too once the stage is overdue (and is told so)
     */
    public record Stage(@NotBlank @Size(max = 80) String name,
                        @NotEmpty List<@NotBlank String> groups,
                        @NotBlank @Pattern(regexp = "(?i)all|[1-9][0-9]{0,2}", message = "a number from 1 or 'all'")
                        String quorum,
                        Duration due,
                        Duration remindBefore,
                        String escalateTo) {

        public Stage {
            groups = groups == null ? null : List.copyOf(groups);
        }

        public boolean everyone() {
            return "all".equalsIgnoreCase(quorum);
        }

        public int quorumNumber() {
            return everyone() ? Integer.MAX_VALUE : Integer.parseInt(quorum);
        }
    }
}
