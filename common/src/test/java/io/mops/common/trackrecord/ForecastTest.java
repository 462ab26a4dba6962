package io.mops.common.trackrecord;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ForecastTest {

    /** Φ⁻¹(0.95), from the standard normal table. */
    private static final double Z = 1.644854;

    @Test
    void aNormalForecastWidenedByAMeasurementAddsTheStandardErrorsInQuadrature() {
        // By hand: √(3² + 4²) = 5, so 10 ± 1.644854 × 5 = [1.776, 18.224].
        Forecast judged = Forecast.withStandardError(10, 3).widenedBy(4);
        assertEquals(5, judged.standardError(), 1e-12);
        assertEquals(10 - Z * 5, judged.low(), 1e-5);
        assertEquals(10 + Z * 5, judged.high(), 1e-5);
        assertEquals(10, judged.value(), 0);
    }

    @Test
    void anIntervalForecastWidensEachSideInQuadrature() {
        // By hand: 10 in [4, 22]; a measurement whose 1.645 standard errors are 8: low 10 − √(6² + 8²) = 0,
        // high 10 + √(12² + 8²) = 24.4222.
        Forecast judged = Forecast.withInterval(10, 4, 22).widenedBy(8 / Forecast.Z_90);
        assertEquals(0, judged.low(), 1e-9);
        assertEquals(10 + Math.sqrt(208), judged.high(), 1e-9);
    }

    @Test
    void aNegativeOrInfiniteMeasurementErrorIsRefused() {
        Forecast forecast = Forecast.withStandardError(10, 3);
        assertThrows(IllegalArgumentException.class, () -> forecast.widenedBy(-1));
        assertThrows(IllegalArgumentException.class, () -> forecast.widenedBy(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> forecast.widenedBy(Double.POSITIVE_INFINITY));
    }

    @Test
    void calibrationJudgesARealisedValueAgainstTheWidenedIntervalWhenThereIsOne() {
        Forecast forecast = Forecast.withStandardError(100, 10);
        // 125 is outside 100 ± 16.4 but inside 100 ± 1.645 × √(10² + 20²) = 100 ± 36.8.
        TrackedDecision noisy = new TrackedDecision("a", Instant.EPOCH, List.of("search"), "OUTCOME_CHANGE", "a move",
                forecast, 125.0, Instant.EPOCH, "measured", forecast.widenedBy(20));
        TrackedDecision exact = new TrackedDecision("b", Instant.EPOCH, List.of("search"), "OUTCOME_CHANGE", "a move",
                forecast, 125.0, Instant.EPOCH, "measured");

        assertEquals(1.0, Calibration.of(List.of(noisy.outcome())).shareInsideInterval(), 0);
        assertEquals(0.0, Calibration.of(List.of(exact.outcome())).shareInsideInterval(), 0);
        // The error is the realised value against the point forecast either way.
        assertEquals(25.0, Calibration.of(List.of(noisy.outcome())).meanError(), 1e-12);
    }
}
