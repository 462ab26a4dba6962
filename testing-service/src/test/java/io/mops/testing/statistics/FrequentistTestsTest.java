package io.mops.testing.statistics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference values from the textbook formulas, cross-checked with scipy.stats. */
class FrequentistTestsTest {

    @Test
    void twoProportionZTestOf200And250ConversionsPerThousand() {
        SignificanceTest test = TwoProportionTest.compare(200, 1000, 250, 1000, 0.95);
        assertEquals(0.05, test.difference(), 1e-12);
        // pooled p = 0.225, se = sqrt(0.225 * 0.775 * 0.002) = 0.018675
        assertEquals(2.677397763008329, test.statistic(), 1e-9);
        assertEquals(0.007419649261025687, test.pValue(), 1e-9);
        assertEquals(0.01346362168753984, test.confidenceLow(), 1e-9);
        assertEquals(0.08653637831246014, test.confidenceHigh(), 1e-9);
    }

    @Test
    void welchTestUsesSatterthwaiteDegreesOfFreedom() {
        // scipy.stats.ttest_ind_from_stats(22, 8, 40, 20, 5, 30, equal_var=False)
        SignificanceTest test = WelchTest.compare(new SampleSummary(30, 20.0, 5.0), new SampleSummary(40, 22.0, 8.0), 0.95);
        assertEquals(1.2821215295120645, test.statistic(), 1e-9);
        assertEquals(66.0931341908741, test.degreesOfFreedom(), 1e-9);
        assertEquals(0.20427905831060258, test.pValue(), 1e-9);
        assertEquals(-1.1143879279611024, test.confidenceLow(), 1e-9);
        assertEquals(5.114387927961102, test.confidenceHigh(), 1e-9);
    }

    @Test
    void sampleSummaryFromSumsMatchesTheTwoPassFormula() {
        double[] values = {3.0, 7.0, 7.0, 19.0};
        SampleSummary summary = SampleSummary.ofSums(4, 36.0, 9 + 49 + 49 + 361);
        assertEquals(9.0, summary.mean(), 1e-12);
        // sum of squared deviations 36 + 4 + 4 + 100 = 144, over n - 1 = 3: 48
        assertEquals(Math.sqrt(48.0), summary.standardDeviation(), 1e-12);
        assertEquals(values.length, summary.units());
    }

    @Test
    void holmAdjustmentMatchesRsPAdjust() {
        // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        double[] adjusted = MultipleComparisons.holm(new double[] {0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted);
    }

    @Test
    void benjaminiHochbergAdjustmentMatchesRsPAdjust() {
        // p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
        double[] adjusted = MultipleComparisons.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005});
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, adjusted);
    }

    @Test
    void adjustedPValuesNeverExceedOne() {
        double[] adjusted = MultipleComparisons.holm(new double[] {0.5, 0.6, 0.9});
        for (double p : adjusted) {
            assertTrue(p <= 1.0);
        }
    }

    @Test
    void sampleRatioCheckMatchesTheChiSquareGoodnessOfFit() {
        // scipy.stats.chisquare([5120, 4880], [5000, 5000]): statistic 5.76, p 0.016395
        SampleRatioCheck even = SampleRatioCheck.of(new long[] {5120, 4880}, new double[] {0.5, 0.5});
        assertEquals(5.76, even.chiSquare(), 1e-9);
        assertEquals(0.01639507184919225, even.pValue(), 1e-9);
        assertFalse(even.mismatch(), "p = 0.016 is not below the 0.001 threshold");

        SampleRatioCheck weighted = SampleRatioCheck.of(new long[] {3100, 3000, 3900}, new double[] {0.3, 0.3, 0.4});
        assertEquals(5.833333333333334, weighted.chiSquare(), 1e-9);
        assertEquals(0.05411376622282158, weighted.pValue(), 1e-9);
    }

    @Test
    void trafficInAVariantMeantToGetNoneIsACertainMismatchWithoutANumericStatistic() {
        // expected 0, observed 7: (7 - 0)^2 / 0 is unbounded, so the check reports no statistic, p = 0 and a mismatch
        SampleRatioCheck impossible = SampleRatioCheck.of(new long[] {500, 480, 7}, new double[] {0.5, 0.5, 0.0});
        assertNull(impossible.chiSquare());
        assertEquals(0.0, impossible.pValue());
        assertTrue(impossible.mismatch());
    }

    @Test
    void aClearImbalanceIsFlaggedAsMismatch() {
        SampleRatioCheck check = SampleRatioCheck.of(new long[] {5400, 4600}, new double[] {0.5, 0.5});
        assertTrue(check.mismatch());
    }

    @Test
    void exposuresOfAVariantMeantToGetNoTrafficAreAMismatch() {
        SampleRatioCheck check = SampleRatioCheck.of(new long[] {500, 3}, new double[] {1.0, 0.0});
        assertTrue(check.mismatch());
    }

    private static void assertArrayEquals(double[] expected, double[] actual) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual, 1e-12);
    }
}
