package io.mops.gateway.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An incident as the CoE reads it in the console: an approval request of kind {@code Incident} that budget-service's
 * risk guard raised from an {@code AnomalyDetected} (its {@code IncidentEvidence}), with its acknowledgement.
 *
 * @param evidence the anomaly as budget-service described it; {@code null} when the request carries no readable
 *                 {@code IncidentEvidence} (the page then shows the request's summary only)
 */
public record Incident(RequestDetail.Request request, Evidence evidence, RequestDetail.Acknowledgement acknowledgement) {

    static final String KIND = "Incident";
    static final String EVIDENCE_SCHEMA = "IncidentEvidence";
    static final int MAX_COMMENT = 2000;

    private static final Set<String> OPEN = Set.of("PENDING", "CHANGES_REQUESTED");
    /** approval-service refuses to acknowledge an incident already granted or withdrawn (409). */
    private static final Set<String> SETTLED = Set.of("GRANTED", "WITHDRAWN");

    /**
     * budget-service's {@code IncidentEvidence} version 1 (docs/events.md); fields it may add later are ignored.
     *
     * @param severity  budget-service's rating ({@code LOW}, {@code MEDIUM}, {@code HIGH}; docs/budget.md,
     *                  "Severity"); {@code null} when it could not rate the finding or is older than the rating
     * @param margin    how many times beyond the detector's alarm line the finding lay, 1 being on it; {@code null}
     *                  when there is no line or the margin is infinite (nothing of the expected arrived)
     * @param contained whether the containment stopped anything; {@code null} from budget-service before the rating
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evidence(String anomalyId, String detector, String channel, Instant detectedAt, double observed,
                           double expected, double statistic, String evidence, String action,
                           List<String> campaignIds, String severity, Double margin, Boolean contained) {

        public Evidence {
            campaignIds = campaignIds == null ? List.of() : List.copyOf(campaignIds);
        }
    }

    static Incident of(RequestDetail detail, Evidence evidence) {
        return new Incident(detail.request(), evidence, detail.acknowledgement());
    }

    public String id() {
        return request.id();
    }

    public boolean open() {
        return OPEN.contains(request.status());
    }

    /** Whether approval-service would still take an acknowledgement. */
    public boolean acknowledgeable() {
        return !acknowledged() && !SETTLED.contains(request.status());
    }

    public boolean acknowledged() {
        return acknowledgement != null && acknowledgement.acknowledged();
    }

    public String acknowledgedBy() {
        return acknowledged() ? acknowledgement.acknowledgedBy() : null;
    }

    public String detector() {
        return evidence == null ? "–" : evidence.detector();
    }

    public String channel() {
        return evidence != null && evidence.channel() != null ? evidence.channel() : request.channel();
    }

    public List<String> campaigns() {
        return evidence == null ? List.of() : evidence.campaignIds();
    }

    /** When the detector found the anomaly; when the request arrived if the evidence does not say. */
    public Instant when() {
        return evidence != null && evidence.detectedAt() != null ? evidence.detectedAt() : request.requestedAt();
    }

    /**
     * budget-service's rating of the finding (from how far past its alarm line the detector found it and whether the
     * containment stopped anything), else the requester's risk score (0–100) when it sent one. The console rates
     * nothing itself: without either it says so.
     */
    public String severity() {
        if (evidence != null && evidence.severity() != null) {
            return switch (evidence.severity()) {
                case "HIGH" -> "High";
                case "MEDIUM" -> "Medium";
                case "LOW" -> "Low";
                default -> evidence.severity();
            };
        }
        return request.riskScore() == null ? "Not rated" : request.riskScore() + " / 100";
    }

    /** What the rating rests on, in words; {@code null} when there is no rating of budget-service's. */
    public String severityBasis() {
        if (evidence == null || evidence.severity() == null) {
            return null;
        }
        String margin = evidence.margin() == null
                ? "beyond any multiple of its alarm line (the measure it watches fell to zero)"
                : figure(evidence.margin()) + " times as far as its alarm line (1 is on the line)";
        String contained = Boolean.FALSE.equals(evidence.contained())
                ? "; one level higher because the containment stopped nothing" : "";
        return "The detector found the channel " + margin + contained + ".";
    }

    /** The containment budget-service applied, in words. */
    public String containment() {
        if (evidence == null || evidence.action() == null) {
            return "–";
        }
        return switch (evidence.action()) {
            case "FREEZE_CHANNEL" -> "Channel's autonomous budget moves frozen";
            case "PAUSE_CAMPAIGN_SPEND" -> "Campaign spend paused";
            case "PAUSE_EXPERIMENT" -> "Channel's experiments paused";
            case "ROLL_BACK_LAST_MOVE" -> "Channel's last budget move rolled back, its moves frozen";
            case "ALERT_ONLY" -> "Alert only, nothing contained";
            default -> evidence.action();
        };
    }

    public String status() {
        return switch (request.status()) {
            case "PENDING" -> "Open";
            case "CHANGES_REQUESTED" -> "Open, changes requested";
            case "GRANTED" -> "Resolved (granted)";
            case "WITHDRAWN" -> "RESOLVED".equals(request.withdrawalReason())
                    ? "Resolved in budget-service" + (request.withdrawnBy() == null ? "" : " by " + request.withdrawnBy())
                    : "Withdrawn";
            case "REJECTED" -> "Rejected";
            case "EXPIRED" -> "Expired";
            default -> request.status();
        };
    }

    /** The chart's bars: the detector's measure as observed beside what the channel's normal course expects. */
    public List<String> chartLabels() {
        return List.of("Observed", "Expected");
    }

    public List<Double> chartValues() {
        return evidence == null ? List.of() : List.of(evidence.observed(), evidence.expected());
    }

    public String observed() {
        return evidence == null ? "–" : figure(evidence.observed());
    }

    public String expected() {
        return evidence == null ? "–" : figure(evidence.expected());
    }

    public String statistic() {
        return evidence == null ? "–" : figure(evidence.statistic());
    }

    /** Four significant digits, plain (a CUSUM sum of 412.5 and a probability of 9.36e-14 alike). */
    static String figure(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
        return Math.abs(value) >= 1e-4 || value == 0 ? rounded.toPlainString() : rounded.toString();
    }

    /** Why an acknowledgement as typed cannot be sent, or {@code null} (approval-service checks it again). */
    static String problem(String comment) {
        if (comment == null || comment.isBlank()) {
            return "Write what you have seen and what you will do: the acknowledgement needs a comment.";
        }
        if (comment.strip().length() > MAX_COMMENT) {
            return "The comment is longer than " + MAX_COMMENT + " characters.";
        }
        return null;
    }
}
