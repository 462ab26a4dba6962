package io.mops.common.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedClockTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void standsStillUntilMoved() {
        SimulatedClock clock = new SimulatedClock(START);
        assertEquals(START, clock.instant());
        assertEquals(START, clock.instant());
        clock.advanceTo(START.plusSeconds(86_400));
        assertEquals(START.plusSeconds(86_400), clock.instant());
    }

    @Test
    void neverGoesBack() {
        SimulatedClock clock = new SimulatedClock(START);
        clock.advanceTo(START.plusSeconds(60));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> clock.advanceTo(START));
        assertTrue(refused.getMessage().contains("never goes back"), refused.getMessage());
        assertEquals(START.plusSeconds(60), clock.instant());
        assertDoesNotThrow(() -> clock.advanceTo(START.plusSeconds(60)), "standing still is not going back");
    }

    @Test
    void aSimulatedClockIsRefusedOutsideTheSimulationProfile() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PlatformClock.requireSimulationProfile(ClockConfig.Mode.SIMULATED, List.of("prod")));
        assertTrue(refused.getMessage().contains("refusing to start"), refused.getMessage());
        assertDoesNotThrow(() -> PlatformClock.requireSimulationProfile(ClockConfig.Mode.SIMULATED, List.of("test", "sim")));
        assertDoesNotThrow(() -> PlatformClock.requireSimulationProfile(ClockConfig.Mode.SYSTEM, List.of("prod")));
    }

    @Test
    void aShiftedSystemClockIsRefusedOutsideTheTestProfile() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> PlatformClock.requireTestProfileForOffset(java.time.Duration.ofDays(100), List.of("prod")));
        assertTrue(refused.getMessage().contains("refusing to start"), refused.getMessage());
        assertDoesNotThrow(() -> PlatformClock.requireTestProfileForOffset(java.time.Duration.ofDays(100), List.of("test")));
        assertDoesNotThrow(() -> PlatformClock.requireTestProfileForOffset(java.time.Duration.ZERO, List.of("prod")));
    }
}
