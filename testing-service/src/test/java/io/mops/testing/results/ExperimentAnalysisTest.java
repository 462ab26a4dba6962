package io.mops.testing.results;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentAnalysisTest {

    private static VariantTally binary(String key, long exposures, long converted) {
        return new VariantTally(key, true, exposures, converted, converted, converted);
    }

    @Test
    void everyVariantButTheControlIsTestedAndAdjustedForMultipleComparisons() {
        List<VariantTally> tallies = List.of(binary("control", 1000, 100), binary("b", 1000, 130),
                binary("c", 1000, 105), binary("d", 1000, 95));
        ExperimentReadout readout = ExperimentAnalysis.DEFAULT.analyse(MetricKind.BINARY, tallies, 0,
                new long[] {1000, 1000, 1000, 1000}, new double[] {0.25, 0.25, 0.25, 0.25});

        VariantReadout control = readout.variants().getFirst();
        assertNull(control.againstControl());
        assertNull(control.holmPValue());
        assertEquals(0.1, control.mean(), 1e-12);
        for (VariantReadout variant : readout.variants().subList(1, 4)) {
            assertNotNull(variant.againstControl());
            assertTrue(variant.holmPValue() >= variant.againstControl().pValue());
            assertTrue(variant.benjaminiHochbergPValue() >= variant.againstControl().pValue());
            assertTrue(variant.holmPValue() >= variant.benjaminiHochbergPValue());
            assertTrue(variant.alwaysValidPValue() >= variant.againstControl().pValue(),
                    "the always-valid p-value pays for the right to peek");
        }
        // Three tests: Holm multiplies the smallest p-value by 3.
        VariantReadout best = readout.variants().get(1);
        assertEquals(Math.min(1.0, 3 * best.againstControl().pValue()), best.holmPValue(), 1e-12);
        assertFalse(readout.sampleRatio().mismatch());
        assertEquals(1.0, readout.variants().stream().mapToDouble(v -> v.bayesian().chanceToBeBest()).sum(), 1e-9);
        assertEquals(1.0, readout.recommendation().weights().values().stream().mapToDouble(Double::doubleValue).sum(),
                1e-9);
    }

    @Test
    void aContinuousMetricWithTooFewUnitsHasNoPosteriorsYet() {
        List<VariantTally> tallies = List.of(new VariantTally("control", true, 1, 1, 10.0, 100.0),
                new VariantTally("b", true, 5, 5, 60.0, 800.0));
        ExperimentReadout readout = ExperimentAnalysis.DEFAULT.analyse(MetricKind.CONTINUOUS, tallies, 0,
                new long[] {1, 5}, new double[] {0.5, 0.5});
        assertNull(readout.recommendation());
        assertNull(readout.variants().get(1).bayesian());
        assertNull(readout.variants().get(1).againstControl());
        assertNull(readout.variants().get(1).conversions());
        assertEquals(12.0, readout.variants().get(1).mean(), 1e-12);
    }
}
