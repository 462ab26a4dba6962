package io.mops.testing.results;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficHistoryTest {

    private static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private static Map<String, Double> shares(double a, double b) {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("a", a);
        shares.put("b", b);
        return shares;
    }

    @Test
    void eachPeriodCarriesItsPlannedSplitAndEachVariantsShareOfItsUnits() {
        TrafficHistory history = TrafficHistory.of("subject-line", List.of("a", "b"),
                List.of(new TrafficHistory.Split(0, START, "nina", shares(0.5, 0.5)),
                        new TrafficHistory.Split(1, START.plusSeconds(86_400), "testing-service", shares(0.2, 0.8))),
                List.of(new TrafficHistory.Count("a", 0, 30), new TrafficHistory.Count("b", 0, 10),
                        new TrafficHistory.Count("b", 1, 45), new TrafficHistory.Count("a", 1, 15)));
        assertEquals(2, history.periods().size());
        TrafficHistory.Period first = history.periods().get(0);
        assertEquals(40, first.totalExposures());
        assertEquals(0.75, first.exposureShares().get("a"), 1e-12);
        assertEquals(0.25, first.exposureShares().get("b"), 1e-12);
        assertEquals("nina", first.startedBy());
        TrafficHistory.Period second = history.periods().get(1);
        assertEquals(1, second.allocationVersion());
        assertEquals(0.8, second.plannedShares().get("b"));
        assertEquals(Map.of("a", 15L, "b", 45L), second.exposures());
        assertEquals(0.25, second.exposureShares().get("a"), 1e-12);
        assertEquals(List.of("a", "b"), List.copyOf(second.exposures().keySet()));
    }

    @Test
    void aPeriodWithoutUnitsListsZeroExposuresAndNoObservedShares() {
        TrafficHistory history = TrafficHistory.of("x", List.of("a", "b"),
                List.of(new TrafficHistory.Split(0, START, "nina", shares(0.5, 0.5))), List.of());
        TrafficHistory.Period only = history.periods().get(0);
        assertEquals(Map.of("a", 0L, "b", 0L), only.exposures());
        assertEquals(0, only.totalExposures());
        assertTrue(only.exposureShares().isEmpty());
    }

    /** Periods of experiments started before splits were recorded still show their units, with no split. */
    @Test
    void aPeriodWithUnitsButNoStoredSplitIsListedWithoutPlannedShares() {
        TrafficHistory history = TrafficHistory.of("x", List.of("a", "b"),
                List.of(new TrafficHistory.Split(2, START, "nina", shares(0.4, 0.6))),
                List.of(new TrafficHistory.Count("a", 1, 3), new TrafficHistory.Count("b", 1, 1),
                        new TrafficHistory.Count("a", 2, 2), new TrafficHistory.Count("b", 2, 2)));
        assertEquals(List.of(1, 2), history.periods().stream().map(TrafficHistory.Period::allocationVersion).toList());
        TrafficHistory.Period legacy = history.periods().get(0);
        assertNull(legacy.startedAt());
        assertTrue(legacy.plannedShares().isEmpty());
        assertEquals(0.75, legacy.exposureShares().get("a"), 1e-12);
    }
}
