package io.mops.testing.trackrecord;

import io.mops.common.trackrecord.Forecast;
import io.mops.common.trackrecord.TrackRecord;
import io.mops.common.trackrecord.TrackedDecision;
import io.mops.testing.trackrecord.ExperimentTrackRecord.ConcludedWinner;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentTrackRecordTest {

    private static final Instant CONCLUDED = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void aWinnerWithEnoughUnitsSinceTheConclusionIsHeldToItsPredictiveInterval() {
        // Uniform posterior, 99 units: the interval is [4/99, 94/99] (beta-binomial(99, 1, 1) is uniform); 30 of 99
        // converted, so the realised rate 30/99 is inside.
        TrackedDecision decision = ExperimentTrackRecord.decision(
                new ConcludedWinner("hl", "search", "b", CONCLUDED, 1, 1, 99, 30), 50);
        assertEquals(30 / 99.0, decision.realised(), 1e-12);
        assertEquals(4 / 99.0, decision.forecast().low(), 1e-12);
        assertEquals(94 / 99.0, decision.forecast().high(), 1e-12);
        assertEquals(List.of("search"), decision.channels());
        assertEquals(ExperimentTrackRecord.KIND, decision.kind());
    }

    @Test
    void theUpliftForecastAndTheUpliftRealisedAgainstTheControlAreShownBeside() {
        // 30 of 100 against a control at 20 %: realised uplift 0.30 / 0.20 − 1 = +50.0 %.
        Instant lastExposed = CONCLUDED.plusSeconds(3_600);
        TrackedDecision decision = ExperimentTrackRecord.decision(new ConcludedWinner("hl", "search", "b", CONCLUDED,
                31, 71, 100, 30, 0.20, Forecast.withInterval(0.45, 0.2, 0.7), lastExposed),
                50);
        assertEquals(0.30, decision.realised(), 1e-12);
        assertEquals(lastExposed, decision.realisedAt());
        assertTrue(decision.what().contains("forecast uplift over the control +45.0 % (90 % interval +20.0 % to "
                + "+70.0 %)"), decision.what());
        assertTrue(decision.basis().contains("uplift +50.0 % over the control's 0.2000"), decision.basis());
    }

    @Test
    void tooFewUnitsLeaveItPendingWithThePosteriorsInterval() {
        TrackedDecision decision = ExperimentTrackRecord.decision(
                new ConcludedWinner("hl", "search", "b", CONCLUDED, 61, 1_941, 49, 3), 50);
        assertNull(decision.realised());
        assertEquals(61 / 2_002.0, decision.forecast().value(), 1e-12);
    }

    @Test
    void calibrationCountsTheRealisedRatesInsideTheirIntervalsAndWarnsBelowEightyPercent() {
        // Ten winners under a uniform posterior with 99 units each: rates 3/99 and 95/99 lie outside [4/99, 94/99],
        // 50/99 inside. Seven inside, three outside: 70 % — below 80 %, with ten realised, so the warning is raised.
        List<ConcludedWinner> winners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long converted = i < 7 ? 50 : (i == 7 ? 3 : 95);
            winners.add(new ConcludedWinner("e" + i, "search", "b", CONCLUDED.plusSeconds(i), 1, 1, 99, converted));
        }
        winners.add(new ConcludedWinner("pending", "social", "a", CONCLUDED.plusSeconds(100), 1, 1, 10, 1));
        TrackRecord record = ExperimentTrackRecord.of(winners, 50);
        assertEquals("pending", record.decisions().get(0).id(), "newest conclusion first");
        assertEquals(10, record.calibration().realised());
        assertEquals(1, record.calibration().pending());
        assertEquals(0.7, record.calibration().shareInsideInterval(), 1e-12);
        // mean of realised − 0.5: (7 × 50 + 3 + 2 × 95)/99/10 − 0.5
        assertEquals((7 * 50 + 3 + 2 * 95) / 990.0 - 0.5, record.calibration().meanError(), 1e-12);
        assertNotNull(record.calibration().warning());
    }
}
