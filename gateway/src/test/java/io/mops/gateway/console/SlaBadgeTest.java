package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlaBadgeTest {

    private static final Instant ASKED = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aRequestPastItsDeadlineIsOverdue() {
        Instant due = ASKED.plus(Duration.ofHours(48));
        assertEquals(SlaBadge.OVERDUE, SlaBadge.of(due, ASKED, due));
        assertEquals(SlaBadge.OVERDUE, SlaBadge.of(due.plusSeconds(1), ASKED, due));
    }

    @Test
    void aTwoDaySlaWarnsTwelveHoursAhead() {
        Instant due = ASKED.plus(Duration.ofHours(48)); // a quarter of 48 h is 12 h
        assertEquals(SlaBadge.ON_TRACK, SlaBadge.of(due.minus(Duration.ofHours(12)).minusSeconds(1), ASKED, due));
        assertEquals(SlaBadge.DUE_SOON, SlaBadge.of(due.minus(Duration.ofHours(12)), ASKED, due));
    }

    @Test
    void aLongSlaWarnsAtMostADayAhead() {
        Instant due = ASKED.plus(Duration.ofDays(14)); // a quarter would be 3.5 days; capped at 24 h
        assertEquals(SlaBadge.ON_TRACK, SlaBadge.of(due.minus(Duration.ofHours(25)), ASKED, due));
        assertEquals(SlaBadge.DUE_SOON, SlaBadge.of(due.minus(Duration.ofHours(24)), ASKED, due));
    }

    @Test
    void withoutADeadlineThereIsNoUrgency() {
        assertEquals(SlaBadge.NO_DEADLINE, SlaBadge.of(ASKED.plus(Duration.ofDays(30)), ASKED, null));
    }
}
