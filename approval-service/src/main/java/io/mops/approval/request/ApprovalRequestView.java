package io.mops.approval.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * @param policy       the policy that routed the request and its version ({@code fallback} when none matched)
 * @param outcomeNote  how it ended when no approver ended it (auto-approval, expiry)
 */
public record ApprovalRequestView(UUID id, String subject, String kind, String reference, String source,
                                  String summary, String explanation, String channel, BigDecimal amount,
                                  String currency, ApprovalRequest.Status status, String requestedBy,
                                  Instant requestedAt, Instant expiresAt, Instant decidedAt,
                                  String withdrawnBy, String withdrawalReason, String policy, int evidenceVersion,
                                  Integer riskScore, String outcomeNote) {

    public static ApprovalRequestView of(ApprovalRequest r) {
        return new ApprovalRequestView(r.id, r.subject, r.kind, r.reference, r.source, r.summary, r.explanation,
                r.channel, r.amount, r.currency, r.status, r.requestedBy, r.requestedAt, r.expiresAt, r.decidedAt,
                r.withdrawnBy, r.withdrawalReason, r.policyLabel(), r.evidenceVersion, r.riskScore, r.outcomeNote);
    }
}
