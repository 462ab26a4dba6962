package io.mops.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What an approver looks at, structured so a console can show it (tables, not prose), and versioned per kind so the
 * shape can evolve: {@code schema} names the shape ({@code ReallocationEvidence}, {@code LaunchEvidence}), {@code
 * version} its revision, {@code content} the object itself. The records below are the shapes MOPS's own requesters
 * send; other services may send their own schemas, which approval-service stores and returns unchanged.
 */
public record ApprovalEvidence(@NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9]{1,79}") String schema,
                               @Min(1) int version,
                               @NotNull JsonNode content) {

    public static final String REALLOCATION = "ReallocationEvidence";
    public static final String LAUNCH = "LaunchEvidence";
    /** Larger emails are left out of the evidence: approvers then read them in the QA run. */
    public static final int MAX_EMAIL_HTML_CHARS = 200_000;

    /**
     * A budget move (schema {@value #REALLOCATION}, version 1).
     *
     * @param expectedOutcomeChange              attributed value the move is expected to add over the plan's period
     * @param expectedOutcomeChangeStandardError its standard error
     * @param reason                             why it was proposed and why it needs people
     */
    public record Reallocation(String planId, String planName, String currency, java.math.BigDecimal amountMoved,
                               double expectedOutcomeChange, double expectedOutcomeChangeStandardError,
                               java.util.List<Channel> channels, String reason) {

        /**
         * @param curveRSquared    fit quality of the channel's response curve (R²)
         * @param curveObservations how many periods the curve was fitted on
         * @param curve            the fitted response curve over the plan's period, sampled for drawing; absent when
         *                         the channel has none (a spend exploration's step). Added to version 1 as an optional
         *                         field: readers that do not know it ignore it.
         */
        public record Channel(String channel, java.math.BigDecimal before, java.math.BigDecimal after,
                              double expectedOutcomeChange, double standardError, Double curveRSquared,
                              Integer curveObservations, Curve curve) {
        }

        /**
         * Attributed value over the plan's period ({@code outcome}) at evenly spaced amounts spent on the channel over
         * that period ({@code spend}), from zero to half again the larger of before and after; and the value at the
         * channel's spend before and after the move.
         */
        public record Curve(java.util.List<Double> spend, java.util.List<Double> outcome, double outcomeBefore,
                            double outcomeAfter) {
        }
    }

    /**
     * A campaign launch QA sent to people (schema {@value #LAUNCH}, version 1).
     *
     * @param copy              the copy as submitted (subject, body, headline, …)
     * @param brandNeighbours   the brand corpus's examples closest to the copy
     * @param aiReview          the AI review's notes, if one ran
     * @param fields            the copy field by field, keyed by the submission's field path as findings name it
     *                          ({@code creatives.email.subject}, {@code creatives.ad.headlines[0]}); optional,
     *                          added to version 1
     * @param emailHtml         the email's HTML as submitted, when it has at most {@value #MAX_EMAIL_HTML_CHARS}
     *                          characters; optional, added to version 1 — show it only sandboxed, never as markup
     * @param forecast          the run's performance forecast; optional, added to version 1
     */
    public record Launch(String qaRunId, String campaignId, String brand, String verdict, int riskScore,
                         java.util.List<Finding> findings, java.util.Map<String, String> copy,
                         java.util.List<Neighbour> brandNeighbours, java.util.List<String> aiReview,
                         java.util.Map<String, String> fields, String emailHtml, Forecast forecast) {

        /**
         * The run's performance forecast: each rate's expected value and the interval the campaign's reported rate
         * falls in with probability {@code credibility}; a rate is absent when the channel's history cannot forecast it.
         */
        public record Forecast(String channel, long plannedExposures, boolean plannedFromHistory, double credibility,
                               Rate clickRate, Rate conversionRate) {
        }

        public record Rate(double rate, double low, double high, long plannedTrials) {
        }

        /**
         * @param needsReview the check could not decide (a link that timed out): a person must look, and the CoE may
         *                    dismiss it on the QA run; optional, added to version 1 (absent reads as false)
         */
        public record Finding(String ruleId, String severity, String category, String location, String message,
                              String fixHint, boolean needsReview) {
        }

        public record Neighbour(String stance, String text, double similarity) {
        }
    }
}
