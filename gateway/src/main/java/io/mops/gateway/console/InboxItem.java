package io.mops.gateway.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A pending approval request as approval-service lists it (the fields the console shows). */
public record InboxItem(UUID id, String subject, String kind, String reference, String source, String summary,
                        String channel, BigDecimal amount, String currency, String status, String requestedBy,
                        Instant requestedAt, Instant expiresAt, String policy, Integer riskScore) {
}
