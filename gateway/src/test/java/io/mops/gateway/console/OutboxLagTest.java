package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxLagTest {

    /** As Micrometer's Prometheus registry writes it, with neighbours of similar names. */
    private static final String SCRAPE = """
            # HELP mops_outbox_pending_events Committed events not yet acknowledged by Kafka
            # TYPE mops_outbox_pending_events gauge
            mops_outbox_pending_events 7.0
            # HELP mops_outbox_oldest_pending_seconds Age of the oldest event waiting to be published
            # TYPE mops_outbox_oldest_pending_seconds gauge
            mops_outbox_oldest_pending_seconds 185.0
            # TYPE mops_outbox_published_total counter
            mops_outbox_published_total{event_type="AllocationChanged"} 40.0
            # HELP mops_dead_letters_total Messages sent to the dead-letter topic
            # TYPE mops_dead_letters_total counter
            mops_dead_letters_total{topic="mops.approval.requests"} 2.0
            mops_dead_letters_total{topic="mops.ingest spend"} 3.0 1733580000000
            mops_outbox_failed_attempts_total 12.0
            """;

    @Test
    void readsTheBacklogAndAddsUpTheDeadLettersOfEveryTopic() {
        OutboxLag lag = OutboxLag.of("budget-service", SCRAPE);
        assertEquals(7L, lag.pending());
        assertEquals(185L, lag.oldestSeconds());
        assertEquals(5L, lag.deadLetters());
        assertFalse(lag.unreachable());
        assertEquals("3 min", lag.oldestAge());
    }

    @Test
    void noDeadLetterCountedYetIsZeroButAMissingGaugeIsUnknown() {
        OutboxLag lag = OutboxLag.of("gateway", "# nothing of ours\nhttp_server_requests_seconds_count 3.0\n");
        assertNull(lag.pending());
        assertNull(lag.oldestSeconds());
        assertEquals(0L, lag.deadLetters());
        assertEquals("–", lag.oldestAge());
    }

    @Test
    void nothingPendingHasNoOldestAgeEvenIfTheGaugeLagsBehind() {
        OutboxLag lag = OutboxLag.of("qa-service", "mops_outbox_pending_events 0.0\nmops_outbox_oldest_pending_seconds 9.0\n");
        assertEquals(0L, lag.pending());
        assertEquals("–", lag.oldestAge());
    }

    @Test
    void agesReadInSecondsMinutesOrHours() {
        assertEquals("59 s", new OutboxLag("s", 1L, 59L, 0, null).oldestAge());
        assertEquals("2 min", new OutboxLag("s", 1L, 120L, 0, null).oldestAge());
        assertEquals("119 min", new OutboxLag("s", 1L, 7199L, 0, null).oldestAge());
        assertEquals("3 h", new OutboxLag("s", 1L, 3 * 3600L + 59, 0, null).oldestAge());
    }

    @Test
    void aServiceThatDidNotAnswerIsUnreachableNotZero() {
        OutboxLag lag = OutboxLag.unreachable("testing-service", "not reachable");
        assertTrue(lag.unreachable());
        assertNull(lag.pending());
        assertEquals("not reachable", lag.problem());
    }
}
