package io.mops.common.trackrecord;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {

    private static Calibration.Outcome realised(Forecast forecast, double value) {
        return new Calibration.Outcome(forecast, Optional.of(value));
    }

    private static Calibration.Outcome pending(Forecast forecast) {
        return new Calibration.Outcome(forecast, Optional.empty());
    }

    @Test
    void aStandardErrorBecomesTheNormalNinetyPercentInterval() {
        // Φ⁻¹(0.95) = 1.644853627 (standard normal table): 100 ± 16.44853627.
        Forecast forecast = Forecast.withStandardError(100, 10);
        assertEquals(83.55146373, forecast.low(), 1e-8);
        assertEquals(116.44853627, forecast.high(), 1e-8);
        assertEquals(10.0, forecast.standardError());
    }

    @Test
    void shareMeanErrorAndMeanAbsoluteErrorAreThoseComputedByHand() {
        List<Calibration.Outcome> outcomes = List.of(
                // [6.710, 13.290]: 12 is inside, error +2
                realised(Forecast.withStandardError(10, 2), 12),
                // [0.03, 0.08]: 0.01 is below, error -0.04
                realised(Forecast.withInterval(0.05, 0.03, 0.08), 0.01),
                // [0, 2]: 2 is on the end, which counts as inside; error +1
                realised(Forecast.withInterval(1, 0, 2), 2),
                pending(Forecast.withStandardError(50, 5)));

        Calibration calibration = Calibration.of(outcomes);

        assertEquals(3, calibration.realised());
        assertEquals(1, calibration.pending());
        assertEquals(2.0 / 3.0, calibration.shareInsideInterval(), 1e-12);
        assertEquals((2 - 0.04 + 1) / 3.0, calibration.meanError(), 1e-12);
        assertEquals((2 + 0.04 + 1) / 3.0, calibration.meanAbsoluteError(), 1e-12);
        assertNull(calibration.warning(), "three realised decisions are too few to warn on");
    }

    @Test
    void anUnmeasurableDecisionIsNeitherRealisedNorPendingAndMovesNoFigure() {
        List<Calibration.Outcome> outcomes = List.of(
                realised(Forecast.withInterval(1, 0, 2), 2),
                pending(Forecast.withStandardError(50, 5)),
                new Calibration.Outcome(Forecast.withInterval(100, 0, 1), Optional.empty(), true),
                new Calibration.Outcome(Forecast.withInterval(100, 0, 1), Optional.empty(), true));

        Calibration calibration = Calibration.of(outcomes);

        assertEquals(1, calibration.realised());
        assertEquals(1, calibration.pending());
        assertEquals(2, calibration.unmeasurable());
        // Only the realised one counts: 2 on the end of [0, 2] is inside, error +1.
        assertEquals(1.0, calibration.shareInsideInterval());
        assertEquals(1.0, calibration.meanError());
    }

    @Test
    void aDecisionCannotBeBothUnmeasurableAndRealised() {
        assertThrows(IllegalArgumentException.class, () -> new TrackedDecision("a", java.time.Instant.EPOCH,
                List.of("search"), "OUTCOME_CHANGE", "a move", Forecast.withInterval(1, 0, 2), 1.0,
                java.time.Instant.EPOCH, "measured", null, true));
    }

    @Test
    void nothingRealisedHasNoFiguresAndNoWarning() {
        Calibration calibration = Calibration.of(List.of(pending(Forecast.withStandardError(1, 1))));
        assertEquals(0, calibration.realised());
        assertEquals(1, calibration.pending());
        assertNull(calibration.shareInsideInterval());
        assertNull(calibration.meanError());
        assertNull(calibration.meanAbsoluteError());
        assertNull(calibration.warning());
    }

    @Test
    void sevenOfTenInsideWarns() {
        Calibration calibration = Calibration.of(tenWithInside(7));
        assertEquals(0.7, calibration.shareInsideInterval(), 1e-12);
        assertNotNull(calibration.warning());
        assertTrue(calibration.warning().contains("only 7 of 10"), calibration.warning());
    }

    @Test
    void eightOfTenInsideIsExactlyTheBarAndDoesNotWarn() {
        Calibration calibration = Calibration.of(tenWithInside(8));
        assertEquals(0.8, calibration.shareInsideInterval(), 1e-12);
        assertNull(calibration.warning());
    }

    @Test
    void nineRealisedNeverWarnEvenIfAllMissed() {
        List<Calibration.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            outcomes.add(realised(Forecast.withInterval(0, -1, 1), 5));
        }
        Calibration calibration = Calibration.of(outcomes);
        assertEquals(0.0, calibration.shareInsideInterval());
        assertEquals(5.0, calibration.meanError(), 1e-12);
        assertNull(calibration.warning());
    }

    @Test
    void anIntervalTheWrongWayRoundIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Forecast.withInterval(0, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> Forecast.withStandardError(0, -1));
        assertThrows(IllegalArgumentException.class, () -> Forecast.withStandardError(Double.NaN, 1));
    }

    /** Ten decisions forecast at 0 in [-1, 1]: {@code inside} realised at 0.5, the rest at 3. */
    private static List<Calibration.Outcome> tenWithInside(int inside) {
        List<Calibration.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            outcomes.add(realised(Forecast.withInterval(0, -1, 1), i < inside ? 0.5 : 3));
        }
        return outcomes;
    }
}
