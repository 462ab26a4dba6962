package io.mops.simulator.report;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibrationTest {

    @Test
    void forecastsAreHeldToTheTrueValueWhereTheMarketKnowsIt() {
        // forecast, realised, low, high
        List<double[]> forecasts = List.of(
                new double[] {0.050, 0.047, 0.040, 0.060},  // truth 0.055: inside
                new double[] {0.030, 0.036, 0.025, 0.035},  // truth 0.036: above the high end
                new double[] {0.100, 0.090, 0.080, 0.120},  // truth unknown: not counted
                new double[] {0.020, 0.021, 0.020, 0.030}); // truth 0.020: on the low end counts as inside
        Calibration.AgainstTruth truth = Calibration.AgainstTruth.of(forecasts, Arrays.asList(0.055, 0.036, null, 0.020));

        assertEquals(3, truth.decisions());
        assertEquals(2.0 / 3, truth.insideShare(), 1e-12);
        assertEquals(((0.050 - 0.055) + (0.030 - 0.036) + (0.020 - 0.020)) / 3, truth.meanError(), 1e-12);
        assertEquals(((0.047 - 0.055) + (0.036 - 0.036) + (0.021 - 0.020)) / 3, truth.realisedMeanError(), 1e-12);
    }

    @Test
    void withoutAnyKnownTruthThereIsNoFigureRatherThanAPerfectOne() {
        Calibration.AgainstTruth truth = Calibration.AgainstTruth.of(List.<double[]>of(new double[] {1, 1, 0, 2}),
                Arrays.asList((Double) null));
        assertEquals(0, truth.decisions());
        assertTrue(Double.isNaN(truth.insideShare()));
        assertThrows(IllegalArgumentException.class, () -> Calibration.AgainstTruth.of(List.of(), List.of(0.1)));
    }
}
