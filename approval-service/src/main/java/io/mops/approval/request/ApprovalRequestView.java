package io.mops.approval.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record ApprovalRequestView(UUID id, String subject, String kind, String reference, String source,
                                  String summary, String explanation, String channel, BigDecimal amount,
                                  String currency, ApprovalRequest.Status status, String requestedBy,
                                  Instant requestedAt, Instant expiresAt, Instant decidedAt,
                                  String withdrawnBy, String withdrawalReason) {

    public static ApprovalRequestView of(ApprovalRequest r) {
        return new ApprovalRequestView(r.id, r.subject, r.kind, r.reference, r.source, r.summary, r.explanation,
                r.channel, r.amount, r.currency, r.status, r.requestedBy, r.requestedAt, r.expiresAt, r.decidedAt,
                r.withdrawnBy, r.withdrawalReason);
    }
}
