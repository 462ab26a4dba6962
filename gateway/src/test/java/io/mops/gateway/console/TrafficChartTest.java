package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrafficChartTest {

    private static <V> Map<String, V> ordered(String k1, V v1, String k2, V v2) {
        Map<String, V> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    /**
     * Period 0: an even split, 30 and 10 units (75 % and 25 %). Period 1: the bandit planned 20/80, and 15 and 45
     * units came (25 % and 75 %). Period 2: planned, no unit yet.
     */
    private static final ExperimentsApi.TrafficHistory HISTORY = new ExperimentsApi.TrafficHistory("bf-subject",
            List.of("a", "b"), List.of(
            new ExperimentsApi.AllocationPeriod(0, Instant.parse("2026-12-01T09:00:00Z"), "nina",
                    ordered("a", 0.5, "b", 0.5), ordered("a", 30L, "b", 10L), 40, ordered("a", 0.75, "b", 0.25)),
            new ExperimentsApi.AllocationPeriod(1, Instant.parse("2026-12-03T00:00:00Z"), "testing-service",
                    ordered("a", 0.2, "b", 0.8), ordered("a", 15L, "b", 45L), 60, ordered("a", 0.25, "b", 0.75)),
            new ExperimentsApi.AllocationPeriod(2, Instant.parse("2026-12-04T00:00:00Z"), "testing-service",
                    ordered("a", 1.0 / 3, "b", 2.0 / 3), ordered("a", 0L, "b", 0L), 0, Map.of())));

    @Test
    void eachVariantsLineIsItsShareOfEachPeriodsUnitsInPercent() {
        TrafficChart chart = TrafficChart.of(HISTORY);
        assertEquals(List.of("v0 · 2026-12-01", "v1 · 2026-12-03", "v2 · 2026-12-04"), chart.labels());
        assertEquals(List.of("a", "b"), chart.variants());
        assertEquals(Arrays.asList(75.0, 25.0, null), chart.series().get(0).exposureShares());
        assertEquals(Arrays.asList(25.0, 75.0, null), chart.series().get(1).exposureShares());
        assertFalse(chart.empty());
    }

    @Test
    void theTableHasPerPeriodAndVariantTheUnitsTheirShareAndThePlannedShare() {
        TrafficChart.PeriodRow second = TrafficChart.of(HISTORY).periods().get(1);
        assertEquals(60, second.totalExposures());
        assertEquals("testing-service", second.startedBy());
        TrafficChart.Cell b = second.cells().get(1);
        assertEquals("b", b.variant());
        assertEquals(45, b.exposures());
        assertEquals(0.75, b.received());
        assertEquals(0.8, b.planned());
        TrafficChart.Cell unplanned = TrafficChart.of(new ExperimentsApi.TrafficHistory("x", List.of("a"), List.of(
                new ExperimentsApi.AllocationPeriod(0, null, null, Map.of(), Map.of("a", 4L), 4, Map.of("a", 1.0)))))
                .periods().get(0).cells().get(0);
        assertNull(unplanned.planned(), "a split not recorded is not invented");
    }

    @Test
    void aVariantThePlanNoLongerListsStillGetsItsLine() {
        TrafficChart chart = TrafficChart.of(new ExperimentsApi.TrafficHistory("x", List.of("a"), List.of(
                new ExperimentsApi.AllocationPeriod(0, null, null, Map.of("a", 1.0), ordered("a", 2L, "old", 2L), 4,
                        ordered("a", 0.5, "old", 0.5)))));
        assertEquals(List.of("a", "old"), chart.variants());
        assertEquals(List.of("v0"), chart.labels());
    }

    @Test
    void withoutAnyUnitThereIsNothingToChart() {
        assertTrue(TrafficChart.of(new ExperimentsApi.TrafficHistory("x", List.of("a"), List.of(
                new ExperimentsApi.AllocationPeriod(0, null, null, Map.of("a", 1.0), Map.of("a", 0L), 0, Map.of()))))
                .empty());
    }
}
