package io.mops.testing.statistics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PeriodWeightsTest {

    private static final boolean[] BOTH = {true, true};

    @Test
    void aSinglePeriodGivesThePooledCounts() {
        PeriodWeights weights = PeriodWeights.of(new long[] {5000});
        PeriodWeights.EffectiveCounts counts = weights.conversionRate(new long[] {1200}, new long[] {37},
                new boolean[] {true});
        assertEquals(1200, counts.exposures(), 1e-9);
        assertEquals(37, counts.conversions(), 1e-9);
    }

    /** A variant whose share never changed is measured exactly as pooled, whatever the periods' sizes. */
    @Test
    void aConstantShareGivesThePooledCounts() {
        PeriodWeights weights = PeriodWeights.of(new long[] {1000, 3000});
        PeriodWeights.EffectiveCounts counts = weights.conversionRate(new long[] {200, 600}, new long[] {4, 30}, BOTH);
        assertEquals(800, counts.exposures(), 1e-9);
        assertEquals(34, counts.conversions(), 1e-9);
    }

    /**
     * By hand: periods of 1,000 and 3,000 units (weights 1/4 and 3/4); the variant had 500 units converting at 2 %
     * and then 300 at 6 %. Rate 0.25 * 0.02 + 0.75 * 0.06 = 0.05 (pooled: 28 / 800 = 0.035); effective units
     * 1 / (0.0625 / 500 + 0.5625 / 300) = 500; conversions 0.05 * 500 = 25.
     */
    @Test
    void periodsAreCombinedWithTheirShareOfAllUnits() {
        PeriodWeights weights = PeriodWeights.of(new long[] {1000, 3000});
        assertEquals(0.25, weights.weight(0), 1e-15);
        PeriodWeights.EffectiveCounts counts = weights.conversionRate(new long[] {500, 300}, new long[] {10, 18}, BOTH);
        assertEquals(0.05, counts.rate(), 1e-12);
        assertEquals(500, counts.exposures(), 1e-9);
        assertEquals(25, counts.conversions(), 1e-9);
    }

    @Test
    void excludedPeriodsAreLeftOutAndTheRestReweighted() {
        PeriodWeights weights = PeriodWeights.of(new long[] {1000, 3000});
        PeriodWeights.EffectiveCounts counts = weights.conversionRate(new long[] {500, 300}, new long[] {10, 18},
                new boolean[] {false, true});
        assertEquals(0.06, counts.rate(), 1e-12);
        assertEquals(300, counts.exposures(), 1e-9);
    }

    @Test
    void aSinglePeriodOfValuesGivesTheSampleSummary() {
        double[] values = {3, 7, 7, 19, 0, 2.5};
        double sum = 0;
        double squares = 0;
        for (double v : values) {
            sum += v;
            squares += v * v;
        }
        SampleSummary weighted = PeriodWeights.of(new long[] {40}).mean(new long[] {values.length},
                new double[] {sum}, new double[] {squares}, new boolean[] {true});
        SampleSummary plain = SampleSummary.ofSums(values.length, sum, squares);
        assertEquals(plain.units(), weighted.units(), 1e-12);
        assertEquals(plain.mean(), weighted.mean(), 1e-12);
        assertEquals(plain.standardDeviation(), weighted.standardDeviation(), 1e-12);
    }

    /**
     * Values 1, 3 in period one (weight 1/2) and 10, 14 in period two (weight 1/2): mean (2 + 12) / 2 = 7; the
     * within-period variance ((1-2)^2 + (3-2)^2 + (10-12)^2 + (14-12)^2) / 2 = 5, not the pooled 36.67 that the
     * shift between the periods would add.
     */
    @Test
    void valuesAreAveragedPerPeriodWithTheWithinPeriodSpread() {
        SampleSummary summary = PeriodWeights.of(new long[] {10, 10}).mean(new long[] {2, 2},
                new double[] {4, 24}, new double[] {10, 296}, BOTH);
        assertEquals(7.0, summary.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0), summary.standardDeviation(), 1e-12);
        assertEquals(4.0, summary.units(), 1e-12);
    }
}
