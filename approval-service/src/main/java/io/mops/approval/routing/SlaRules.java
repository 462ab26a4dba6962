package io.mops.approval.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * When a stage's approvers are reminded and when it escalates, by the platform's clock: a reminder {@code
 * remindBefore} ahead of the due time, once; an escalation at the due time, once, if the policy names a group.
 */
public final class SlaRules {

    private SlaRules() {
    }

    /** A stage's clock as stored. */
    public record StageClock(Instant openedAt, Instant dueAt, Duration remindBefore, Instant remindedAt,
                             String escalateTo, Instant escalatedAt, Instant satisfiedAt) {
    }

    public static boolean reminderDue(StageClock s, Instant now) {
        return s.openedAt() != null && s.satisfiedAt() == null && s.dueAt() != null && s.remindBefore() != null
                && s.remindedAt() == null && !now.isBefore(s.dueAt().minus(s.remindBefore()));
    }

    public static boolean escalationDue(StageClock s, Instant now) {
        return s.openedAt() != null && s.satisfiedAt() == null && s.dueAt() != null && s.escalateTo() != null
                && s.escalatedAt() == null && !now.isBefore(s.dueAt());
    }

    /** The earlier of the requester's expiry and the policy's. */
    public static Instant expiry(Instant requested, Instant arrivedAt, Duration policyExpiresAfter) {
        Instant byPolicy = policyExpiresAfter == null ? null : arrivedAt.plus(policyExpiresAfter);
        if (requested == null) {
            return byPolicy;
        }
        return byPolicy == null || requested.isBefore(byPolicy) ? requested : byPolicy;
    }
}
