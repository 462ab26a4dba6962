package io.mops.simulator.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The summary over seeds against a hand computation with the Student t table. */
class SeedSummaryTest {

    private static SimulationReport run(long seed, double shareOfOracle, double regretRatio) {
        StrategyFigures mops = new StrategyFigures("mops closed loop", 1000, 10, 900, 0.01, 0.9, shareOfOracle, 0.1);
        ExperimentFigures experiment = new ExperimentFigures("exp", 1000, regretRatio * 10, 10, regretRatio, "b", null);
        return new SimulationReport("m", "d", seed, 10, 2, "EUR", List.of("search"), List.of(mops), Map.of(),
                Map.of(), List.of(), List.of(experiment), Map.of(), List.of(), List.of(), Map.of(), List.of());
    }

    @Test
    void fiveSeedsGiveTheMeanAndTheStudentTInterval() {
        // 0.1 … 0.5: mean 0.3, sample sd √0.025, standard error √0.025 / √5 = 0.070711; t(0.975, 4) = 2.7764 (table).
        SeedSummary summary = SeedSummary.of(List.of(run(1, 0.1, 0.5), run(2, 0.2, 0.5), run(3, 0.3, 0.5),
                run(4, 0.4, 0.5), run(5, 0.5, 0.5)));
        SeedSummary.Interval share = summary.figures().get("mops closed loop.shareOfOracle");
        assertEquals(0.3, share.mean(), 1e-12);
        assertEquals(0.3 - 2.7764 * 0.070711, share.low(), 1e-4);
        assertEquals(0.3 + 2.7764 * 0.070711, share.high(), 1e-4);
        assertEquals(5, share.n());
        SeedSummary.Interval regret = summary.figures().get("exp.regretRatio");
        assertEquals(0.5, regret.mean(), 1e-12);
        assertEquals(0.5, regret.low(), 1e-12, "no spread, no width");
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), summary.seeds());
    }

    @Test
    void oneSeedHasAMeanButNoInterval() {
        SeedSummary.Interval share = SeedSummary.of(List.of(run(7, 0.42, 0.3))).figures().get("mops closed loop.shareOfOracle");
        assertEquals(0.42, share.mean(), 1e-12);
        assertTrue(Double.isNaN(share.low()) && Double.isNaN(share.high()));
    }
}
