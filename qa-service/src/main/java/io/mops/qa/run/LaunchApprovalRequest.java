package io.mops.qa.run;

import io.mops.common.events.ApprovalEvidence;
import io.mops.common.events.ApprovalRequested;
import io.mops.qa.brand.CampaignCopy;
import io.mops.qa.brand.Resemblance;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.EmailCreative;
import io.mops.qa.forecast.PerformanceForecast;
import io.mops.qa.forecast.RateForecast;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.QaResult;
import io.mops.qa.rules.Severity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What an approver reads when QA sends a campaign to a person: a one-line summary and the findings, one per line,
 * most severe first, each with its rule, where it is, what is wrong and how to fix it.
 *
 * @param reference   the QA run id: approval-service's answer names it, and the run is where the decision lands
 * @param explanation plain text; at most {@link #MAX_FINDING_LINES} findings and {@link #MAX_EXPLANATION_CHARS}
 *                    characters, with a closing line saying how many more the run itself lists
 */
public record LaunchApprovalRequest(String reference, String channel, String summary, String explanation,
                                    String requestedBy) {

    public static final String KIND = "CampaignLaunch";
    /** An approver reads a list, not a dump; the run keeps every finding. */
    static final int MAX_FINDING_LINES = 50;
    /** Below ApprovalRequested's 20 000, leaving room for the closing line. */
    static final int MAX_EXPLANATION_CHARS = 19_000;
    static final int MAX_SUMMARY_CHARS = 300;
    private static final int MAX_LINE_CHARS = 600;

    public static LaunchApprovalRequest of(UUID runId, String campaignId, String campaignName, String channel,
                                           QaResult result, String requestedBy) {
        String campaign = campaignName == null || campaignName.isBlank()
                ? campaignId : campaignName.strip() + " (" + campaignId + ")";
        String summary = clip("Launch of " + campaign + " on " + channel + ": QA verdict " + result.verdict().code()
                + ", risk index " + result.riskScore() + "/100 (" + issues(result.distinctIssues()) + "), "
                + result.count(Severity.BLOCK) + " block, "
                + result.count(Severity.WARN) + " warn, " + result.count(Severity.INFO) + " info", MAX_SUMMARY_CHARS);
        return new LaunchApprovalRequest(runId.toString(), channel, summary, explain(runId, result), requestedBy);
    }

    private static String issues(int count) {
        return count + (count == 1 ? " distinct issue" : " distinct issues");
    }

    private static String explain(UUID runId, QaResult result) {
        StringBuilder text = new StringBuilder("Findings under rule set ").append(result.ruleSet()).append(" v")
                .append(result.ruleSetVersion()).append(" (QA run ").append(runId).append("):\n");
        List<Finding> findings = result.findings();
        int shown = 0;
        for (Finding finding : findings) {
            String line = clip(line(finding), MAX_LINE_CHARS) + "\n";
            if (shown == MAX_FINDING_LINES || text.length() + line.length() > MAX_EXPLANATION_CHARS) {
                break;
            }
            text.append(line);
            shown++;
        }
        if (shown < findings.size()) {
            text.append("… and ").append(findings.size() - shown).append(" more in GET /qa/runs/").append(runId)
                    .append('\n');
        }
        return text.toString();
    }

    /**
     * The structured evidence (schema {@value ApprovalEvidence#LAUNCH} v1): every finding with its location (the AI
     * review's notes are also listed on their own), the copy as reviewed, the brand, and the brand corpus's examples
     * the brand voice check compared the copy with (nearest approved and nearest rejected, each with its cosine
     * similarity; empty when the check did not run).
     */
    public static ApprovalEvidence evidence(UUID runId, String campaignId, String brand, CampaignSubmission submission,
                                            QaResult result, List<Resemblance> brandNeighbours,
                                            Optional<PerformanceForecast> forecast) {
        String copy = CampaignCopy.of(submission);
        EmailCreative email = submission.creatives() == null ? null : submission.creatives().email();
        String html = email == null || email.html() == null || email.html().isBlank()
                || email.html().length() > ApprovalEvidence.MAX_EMAIL_HTML_CHARS ? null : email.html();
        List<ApprovalEvidence.Launch.Neighbour> neighbours = brandNeighbours.stream()
                .map(r -> new ApprovalEvidence.Launch.Neighbour(r.example().stance().name(),
                        clip(oneLine(r.example().text()), MAX_LINE_CHARS), r.similarity())).toList();
        List<ApprovalEvidence.Launch.Finding> findings = result.findings().stream().limit(MAX_FINDING_LINES)
                .map(f -> new ApprovalEvidence.Launch.Finding(f.ruleId(), f.severity().code(), category(f.ruleId()),
                        f.location().toString(), f.message(), f.fixHint(), f.needsReview())).toList();
        List<String> aiReview = result.findings().stream().filter(f -> f.ruleId().equals(RuleIds.AI_REVIEW))
                .map(Finding::message).toList();
        ApprovalEvidence.Launch content = new ApprovalEvidence.Launch(runId.toString(), campaignId, brand,
                result.verdict().code(), result.riskScore(), findings,
                copy == null || copy.isBlank() ? java.util.Map.of() : java.util.Map.of("copy", clip(copy, 5000)),
                neighbours, aiReview, CampaignCopy.fields(submission), html,
                forecast.map(LaunchApprovalRequest::forecast).orElse(null));
        return new ApprovalEvidence(ApprovalEvidence.LAUNCH, 1, JSON.valueToTree(content));
    }

    private static ApprovalEvidence.Launch.Forecast forecast(PerformanceForecast f) {
        return new ApprovalEvidence.Launch.Forecast(f.channel(), f.plannedExposures(), f.plannedFromHistory(),
                RateForecast.CREDIBILITY, f.clickRate().map(LaunchApprovalRequest::rate).orElse(null),
                f.conversionRate().map(LaunchApprovalRequest::rate).orElse(null));
    }

    private static ApprovalEvidence.Launch.Rate rate(RateForecast r) {
        return new ApprovalEvidence.Launch.Rate(r.rate(), r.low(), r.high(), r.plannedTrials());
    }

    /** What approval policies match on: the run's risk score and verdict, and the findings' categories. */
    public static ApprovalRequested.Risk risk(QaResult result) {
        return new ApprovalRequested.Risk(result.riskScore(), result.verdict().code(),
                result.findings().stream().map(f -> category(f.ruleId())).distinct().limit(50).toList());
    }

    /** A rule id's family: {@code compliance.health-claim} → {@code compliance}. */
    static String category(String ruleId) {
        int dot = ruleId.indexOf('.');
        return dot > 0 ? ruleId.substring(0, dot) : ruleId;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** {@code [warn] email.subject-line at creatives.email.subject: message. Fix: hint} */
    static String line(Finding finding) {
        StringBuilder line = new StringBuilder("[").append(finding.severity().code()).append("] ")
                .append(finding.ruleId()).append(" at ").append(finding.location()).append(": ")
                .append(oneLine(finding.message()));
        if (finding.fixHint() != null && !finding.fixHint().isBlank()) {
            line.append(" Fix: ").append(oneLine(finding.fixHint()));
        }
        return line.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
