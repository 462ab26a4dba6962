package io.mops.budget.guard;

import io.mops.common.trackrecord.Forecast;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop-decision rule against hand-computed interval ends. */
class LoopDecisionTest {

    private static final UUID MOVE = UUID.fromString("0b6f4f3e-2c55-4c0e-8a55-3d0f4a7d9b12");
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

    /** Forecast 100 with standard error 10: the 90 % interval is 100 ± 1.6448536 × 10 = [83.551464, 116.448536]. */
    private static final Forecast HUNDRED = Forecast.withStandardError(100, 10);

    @Test
    void aRealisedChangeJustBelowTheIntervalIsAFindingOnEveryMovedChannel() {
        List<Anomaly> found = LoopDecision.judge(MOVE, Set.of("social", "search"), HUNDRED, 83.55, "EUR", AT);
        assertEquals(List.of("search", "social"), found.stream().map(Anomaly::channel).toList());
        Anomaly search = found.getFirst();
        assertEquals(Detector.LOOP_DECISION, search.detector());
        assertEquals(AT, search.detectedAt());
        assertEquals(83.55, search.observed(), 0);
        assertEquals(100.0, search.expected(), 0);
        assertEquals(83.551464, search.statistic(), 1e-6);
        // 16.45 short of the forecast against the interval's 16.448536: just past the line.
        assertEquals(16.45 / 16.448536, search.margin(), 1e-6);
        assertTrue(search.evidence().contains("realised 83.55 EUR against a forecast of 100.00, below its 90 % "
                + "interval [83.55, 116.45]"), search.evidence());
        assertTrue(search.evidence().contains(MOVE.toString()));
    }

    @Test
    void aRealisedChangeInsideOrAboveTheIntervalIsNoFinding() {
        assertEquals(List.of(), LoopDecision.judge(MOVE, Set.of("search"), HUNDRED, 83.56, "EUR", AT));
        assertEquals(List.of(), LoopDecision.judge(MOVE, Set.of("search"), HUNDRED, 100, "EUR", AT));
        // Doing far better than forecast harms nothing.
        assertEquals(List.of(), LoopDecision.judge(MOVE, Set.of("search"), HUNDRED, 500, "EUR", AT));
    }

    @Test
    void aForecastWithoutUncertaintyIsBrokenByAnyShortfallButNotByItsOwnValue() {
        Forecast exact = Forecast.withStandardError(100, 0);
        assertEquals(List.of(), LoopDecision.judge(MOVE, Set.of("search"), exact, 100, "EUR", AT));
        assertEquals(1, LoopDecision.judge(MOVE, Set.of("search"), exact, 99.99, "EUR", AT).size());
    }

    @Test
    void aLossWhereAGainWasForecastIsAFinding() {
        // 180 a week before the move, 120 after, over 31/7 weeks: (120 - 180) × 31 / 7 = -265.714...
        double realised = (120.0 - 180.0) * 31 / 7;
        List<Anomaly> found = LoopDecision.judge(MOVE, Set.of("strong", "weak"), HUNDRED, realised, "EUR", AT);
        assertEquals(2, found.size());
        assertEquals(-265.7142857, found.getFirst().observed(), 1e-6);
    }
}
