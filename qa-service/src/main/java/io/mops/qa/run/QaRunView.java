package io.mops.qa.run;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param riskScore      the risk index, 0–100: how many distinct issues and how severe; an index, not a probability
 * @param distinctIssues the issues the risk index counts: each rule once per severity it reported at
 * @param approval       the launch decision a person took on a needs-approval run; null for runs that passed or were
 *                       blocked
 * @param eventId        the QaCompleted event announcing this run (only in the answer to the run itself)
 */
public record QaRunView(UUID id, String campaignId, String channel, String verdict, int riskScore,
                        int distinctIssues, String ruleSet, int ruleSetVersion, String inputDigest,
                        List<FindingView> findings, String requestedBy, Instant createdAt, ApprovalView approval,
                        UUID eventId) {
}
