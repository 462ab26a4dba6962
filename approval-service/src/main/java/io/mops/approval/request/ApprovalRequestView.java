package io.mops.approval.request;

import java.time.Instant;
import java.util.UUID;

public record ApprovalRequestView(UUID id, String subject, String kind, String summary, String channel,
                                  ApprovalRequest.Status status, String requestedBy, Instant requestedAt) {

    static ApprovalRequestView of(ApprovalRequest r) {
        return new ApprovalRequestView(r.id, r.subject, r.kind, r.summary, r.channel, r.status, r.requestedBy,
                r.requestedAt);
    }
}
