package io.mops.approval.notify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a notification says about an approval request: the request hands this over, so notifying needs nothing of
 * the request's entity and the request feature depends on notifications, not both ways.
 */
public record RequestNotice(UUID id, String kind, String status, String summary, String channel, BigDecimal amount,
                            String currency, String requestedBy, Instant expiresAt) {
}
