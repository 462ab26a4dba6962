package io.mops.gateway.console;

import java.util.List;
import java.util.Map;

/**
 * A launch as approvers read it (qa-service's {@code LaunchEvidence} v1): the findings, the copy field by field, the
 * email's HTML, the brand voice and the performance forecast. Findings point at a field of the submission and,
 * inside the email's HTML, at an element ({@code creatives.email.html @ html > body > p:nth-child(4)}).
 */
public record LaunchReview(String qaRunId, String campaignId, String brand, String verdict, int riskScore,
                           List<Finding> findings, Map<String, String> copy, List<Neighbour> brandNeighbours,
                           List<String> aiReview, Map<String, String> fields, String emailHtml, Forecast forecast) {

    static final String EMAIL_HTML = "creatives.email.html";
    private static final String AT = " @ ";

    /** @param needsReview the check could not decide; the CoE may dismiss it on the QA run's page */
    public record Finding(String ruleId, String severity, String category, String location, String message,
                          String fixHint, boolean needsReview) {

        /** For a needs-review finding, why the check could not decide (its message without the label). */
        public String reviewNote() {
            return QaRunReport.reviewNote(message);
        }

        /** The submission's field the finding points at. */
        public String field() {
            if (location == null) {
                return "";
            }
            int at = location.indexOf(AT);
            return at < 0 ? location : location.substring(0, at);
        }

        /** Inside the email's HTML, the CSS selector of the element; otherwise absent. */
        public String element() {
            int at = location == null ? -1 : location.indexOf(AT);
            return at < 0 ? null : location.substring(at + AT.length());
        }
    }

    public record Neighbour(String stance, String text, double similarity) {
    }

    public record Forecast(String channel, long plannedExposures, boolean plannedFromHistory, double credibility,
                           Rate clickRate, Rate conversionRate) {
    }

    public record Rate(double rate, double low, double high, long plannedTrials) {
    }

    /** A field of the copy as shown: its id on the page, and whether a finding points at it. */
    public record Field(String path, String anchor, String text, boolean flagged) {
    }

    public List<Finding> findings() {
        return findings == null ? List.of() : findings;
    }

    public Map<String, String> copy() {
        return copy == null ? Map.of() : copy;
    }

    public List<Neighbour> brandNeighbours() {
        return brandNeighbours == null ? List.of() : brandNeighbours;
    }

    public boolean hasEmailHtml() {
        return emailHtml != null && !emailHtml.isBlank();
    }

    /** The copy field by field, each marked when a finding points at it. */
    public List<Field> copyFields() {
        if (fields == null) {
            return List.of();
        }
        return fields.entrySet().stream()
                .map(e -> new Field(e.getKey(), anchor(e.getKey()), e.getValue(),
                        findings().stream().anyMatch(f -> f.field().equals(e.getKey()))))
                .toList();
    }

    /** Where on the page a finding's place is shown: its copy field, the email preview, or nowhere. */
    public String targetOf(Finding finding) {
        String field = finding.field();
        if (field.equals(EMAIL_HTML) && hasEmailHtml()) {
            return "email-preview";
        }
        return fields != null && fields.containsKey(field) ? anchor(field) : null;
    }

    /** The CSS selectors of the email's elements findings point at, in the findings' order. */
    public List<String> flaggedElements() {
        return findings().stream().filter(f -> f.field().equals(EMAIL_HTML) && f.element() != null)
                .map(Finding::element).distinct().toList();
    }

    static String anchor(String fieldPath) {
        return "copy-" + fieldPath.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }
}
