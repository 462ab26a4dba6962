package io.mops.budget.guard;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The severity rule on margins worked out by hand. */
class SeverityTest {

    @Test
    void theMarginSetsTheLevelWhenTheContainmentHolds() {
        // On the line and just past it: low; a quarter past: medium; twice the line: high.
        assertEquals(Optional.of(Severity.Level.LOW), Severity.rate(1.0, true));
        assertEquals(Optional.of(Severity.Level.LOW), Severity.rate(1.2499, true));
        assertEquals(Optional.of(Severity.Level.MEDIUM), Severity.rate(1.25, true));
        assertEquals(Optional.of(Severity.Level.MEDIUM), Severity.rate(1.9999, true));
        assertEquals(Optional.of(Severity.Level.HIGH), Severity.rate(2.0, true));
        assertEquals(Optional.of(Severity.Level.HIGH), Severity.rate(Double.POSITIVE_INFINITY, true));
    }

    @Test
    void aContainmentThatStoppedNothingRaisesTheLevelByOne() {
        assertEquals(Optional.of(Severity.Level.MEDIUM), Severity.rate(1.0, false));
        assertEquals(Optional.of(Severity.Level.HIGH), Severity.rate(1.5, false));
        assertEquals(Optional.of(Severity.Level.HIGH), Severity.rate(3.0, false), "nothing above high");
    }

    @Test
    void aFindingWithoutAnAlarmLineIsNotRated() {
        assertEquals(Optional.empty(), Severity.rate(Double.NaN, true));
        assertEquals(Optional.empty(), Severity.rate(Double.NaN, false));
        assertTrue(Double.isNaN(Severity.above(5, 0)), "a line of 0 gives no margin");
        assertTrue(Double.isNaN(Severity.below(0, 0)));
    }

    @Test
    void marginsAboveAndBelowTheirLines() {
        // A day at 3.1 times its due spend against a daily line of 2: 1.55.
        assertEquals(1.55, Severity.above(3.1, 2), 1e-12);
        // 3 of 30 expected touchpoints (a share of 0.1) against the 0.2 that is still a breakage: 2.
        assertEquals(2.0, Severity.below(3.0 / 30, 0.2), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Severity.below(0, 0.2), "nothing arrived");
    }

    @Test
    void onlyAnActionThatStoppedSomethingContains() {
        assertFalse(Severity.contained(ContainmentAction.ALERT_ONLY, List.of()));
        assertFalse(Severity.contained(ContainmentAction.PAUSE_CAMPAIGN_SPEND, List.of()), "no campaign to pause");
        assertTrue(Severity.contained(ContainmentAction.PAUSE_CAMPAIGN_SPEND, List.of(UUID.randomUUID())));
        assertTrue(Severity.contained(ContainmentAction.FREEZE_CHANNEL, List.of()));
        assertTrue(Severity.contained(ContainmentAction.PAUSE_EXPERIMENT, List.of()));
        assertTrue(Severity.contained(ContainmentAction.ROLL_BACK_LAST_MOVE, List.of()), "it freezes the channel too");
    }
}
