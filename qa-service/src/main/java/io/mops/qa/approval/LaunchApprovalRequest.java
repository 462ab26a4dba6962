package io.mops.qa.approval;

import io.mops.qa.rules.Finding;
import io.mops.qa.rules.QaResult;
import io.mops.qa.rules.Severity;

import java.util.List;
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
