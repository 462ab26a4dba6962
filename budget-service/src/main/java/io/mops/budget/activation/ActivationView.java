package io.mops.budget.activation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request to a platform with every exchange it took, for the audit. */
public record ActivationView(UUID id, String platform, String kind, UUID campaignId, String experimentKey,
                             String variantKey, String channel, UUID eventId,
                             String eventType, String status, String method, String url, String body, int attempts,
                             Instant createdAt, Instant nextAttemptAt, Instant completedAt, String lastError,
                             List<Exchange> exchanges) {

    public record Exchange(int attempt, Instant sentAt, String requestBody, Integer statusCode, String responseBody,
                           String error, long durationMillis) {
    }

    static ActivationView of(ActivationRequest row, List<ActivationAttempt> attempts) {
        return new ActivationView(row.id, row.platform.key(), row.kind.name(), row.campaignId, row.experimentKey,
                row.variantKey, row.channel,
                row.eventId, row.eventType, row.status.name(), row.method, row.url, row.body, row.attempts,
                row.createdAt, row.status == ActivationRequest.Status.PENDING ? row.nextAttemptAt : null,
                row.completedAt, row.lastError,
                attempts.stream().map(a -> new Exchange(a.attempt, a.sentAt, a.requestBody, a.statusCode,
                        a.responseBody, a.error, a.durationMillis)).toList());
    }
}
