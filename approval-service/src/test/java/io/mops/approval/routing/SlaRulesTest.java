package io.mops.approval.routing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlaRulesTest {

    private static final Instant OPENED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant DUE = OPENED.plus(Duration.ofHours(24));

    @Test
    void theReminderComesOnceRemindBeforeTheDueTimeAndTheEscalationAtIt() {
        SlaRules.StageClock fresh = new SlaRules.StageClock(OPENED, DUE, Duration.ofHours(4), null, "coe-leads",
                null, null);
        assertFalse(SlaRules.reminderDue(fresh, DUE.minus(Duration.ofHours(4)).minusSeconds(1)));
        assertTrue(SlaRules.reminderDue(fresh, DUE.minus(Duration.ofHours(4))));
        assertFalse(SlaRules.escalationDue(fresh, DUE.minusSeconds(1)));
        assertTrue(SlaRules.escalationDue(fresh, DUE));
        SlaRules.StageClock done = new SlaRules.StageClock(OPENED, DUE, Duration.ofHours(4), DUE, "coe-leads", DUE,
                null);
        assertFalse(SlaRules.reminderDue(done, DUE.plusSeconds(3600)));
        assertFalse(SlaRules.escalationDue(done, DUE.plusSeconds(3600)));
        SlaRules.StageClock satisfied = new SlaRules.StageClock(OPENED, DUE, Duration.ofHours(4), null, "coe-leads",
                null, OPENED.plusSeconds(60));
        assertFalse(SlaRules.escalationDue(satisfied, DUE));
    }

    @Test
    void theEarlierOfTheRequestersAndThePolicysExpiryApplies() {
        Instant arrived = Instant.parse("2026-12-01T09:00:00Z");
        assertEquals(arrived.plus(Duration.ofDays(2)), SlaRules.expiry(arrived.plus(Duration.ofDays(5)), arrived,
                Duration.ofDays(2)));
        assertEquals(arrived.plus(Duration.ofDays(1)), SlaRules.expiry(arrived.plus(Duration.ofDays(1)), arrived,
                Duration.ofDays(2)));
        assertNull(SlaRules.expiry(null, arrived, null));
    }
}
