package io.mops.budget.reallocation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Supersession and the once-per-interval limit. */
class ProposalRulesTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");
    private final ProposalCadence hourly = new ProposalCadence(Duration.ofHours(1));

    @Test
    void aPlanWithoutProposalsMayGetOne() {
        assertTrue(hourly.mayPropose(Optional.empty(), NOON));
    }

    @Test
    void aSecondProposalWithinTheIntervalIsHeldBack() {
        assertFalse(hourly.mayPropose(Optional.of(NOON.minus(Duration.ofMinutes(59))), NOON));
    }

    @Test
    void aProposalIsAllowedAgainOnceTheIntervalHasPassed() {
        assertTrue(hourly.mayPropose(Optional.of(NOON.minus(Duration.ofHours(1))), NOON));
        assertTrue(hourly.mayPropose(Optional.of(NOON.minus(Duration.ofHours(3))), NOON));
    }

    @Test
    void aZeroIntervalNeverHoldsBack() {
        assertTrue(new ProposalCadence(Duration.ZERO).mayPropose(Optional.of(NOON), NOON));
    }

    @Test
    void aNegativeIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ProposalCadence(Duration.ofMinutes(-1)));
    }

    @Test
    void onlyAnUndecidedProposalIsSupersededByANewerOne() {
        List<ProposalStatus> superseded = Arrays.stream(ProposalStatus.values())
                .filter(ProposalStatus::isSupersededByNewerProposal).toList();
        assertEquals(List.of(ProposalStatus.AWAITING_APPROVAL), superseded,
                "applied, refused and dropped proposals keep their outcome");
    }

    @Test
    void onlyAnAppliedMoveCanBeRolledBack() {
        List<ProposalStatus> undoable = Arrays.stream(ProposalStatus.values())
                .filter(ProposalStatus::mayBeRolledBack).toList();
        assertEquals(List.of(ProposalStatus.APPLIED), undoable);
    }
}
