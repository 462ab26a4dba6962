package io.mops.testing.results;

import io.mops.testing.allocation.VariantTally;
import io.mops.testing.experiment.MetricKind;
import io.mops.testing.experiment.SequentialPlan;
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

    /** Johari et al.'s closed form, written out here rather than taken from the code under test. */
    private static double mixtureP(long c0, long n0, long c1, long n1, double tau) {
        double p0 = (double) c0 / n0;
        double p1 = (double) c1 / n1;
        double v = p0 * (1 - p0) / n0 + p1 * (1 - p1) / n1;
        double d = p1 - p0;
        double lambda = Math.sqrt(v / (v + tau * tau)) * Math.exp(tau * tau * d * d / (2 * v * (v + tau * tau)));
        return Math.min(1.0, 1.0 / lambda);
    }

    private static ExperimentReadout read(List<VariantTally> tallies, SequentialPlan plan, EarlierLooks looks) {
        return ExperimentAnalysis.DEFAULT.analyse(MetricKind.BINARY, tallies, 0, new long[tallies.size()],
                new double[] {0.5, 0.5}, List.of(), plan, looks);
    }

    @Test
    void theMixingScaleComesFromTheStatedBaselineAndNeverFromTheData() {
        SequentialPlan plan = SequentialPlan.atStart(MetricKind.BINARY, 0.04, 0.25, SequentialPlan.Defaults.DEFAULT);
        assertEquals(0.01, plan.mixingScale(), 1e-15);
        for (long controlConversions : new long[] {20, 100}) {
            ExperimentReadout readout = read(List.of(binary("control", 1000, controlConversions),
                    binary("b", 1000, controlConversions + 25)), plan, EarlierLooks.NONE);
            assertEquals(0.01, readout.sequentialTest().mixingScale(), 1e-15);
            assertEquals(mixtureP(controlConversions, 1000, controlConversions + 25, 1000, 0.01),
                    readout.variants().get(1).alwaysValidPValue(), 1e-12);
        }
    }

    @Test
    void withoutABaselineTheConfiguredDefaultsFixTheMixingScale() {
        SequentialPlan.Defaults defaults = new SequentialPlan.Defaults(0.1, 0.03, 0.05, 1.0, 0.01);
        assertEquals(new SequentialPlan(0.003, false, 0.01),
                SequentialPlan.atStart(MetricKind.BINARY, null, null, defaults));
        assertEquals(new SequentialPlan(0.05, true, 0.01),
                SequentialPlan.atStart(MetricKind.CONTINUOUS, null, null, defaults));
        assertEquals(new SequentialPlan(2.5, false, 0.01),
                SequentialPlan.atStart(MetricKind.CONTINUOUS, 25.0, null, defaults));
    }

    /**
     * A variant that starts lucky (130 against 100 of 1,000) and then converts like the control: the p-value of
     * the current look rises again, the one reported stays at the smallest so far.
     */
    @Test
    void theReportedAlwaysValidPValueIsTheRunningMinimumAndNeverRises() {
        SequentialPlan plan = SequentialPlan.atStart(MetricKind.BINARY, 0.1, 0.2, SequentialPlan.Defaults.DEFAULT);
        long[][] looks = {{100, 1000, 130, 1000}, {200, 2000, 232, 2000}, {300, 3000, 330, 3000},
                {400, 4000, 428, 4000}, {600, 6000, 632, 6000}};
        EarlierLooks earlier = EarlierLooks.NONE;
        double minimum = 1.0;
        double previousReported = 1.0;
        for (long[] look : looks) {
            double now = mixtureP(look[0], look[1], look[2], look[3], plan.mixingScale());
            minimum = Math.min(minimum, now);
            double reported = read(List.of(binary("control", look[1], look[0]), binary("b", look[3], look[2])), plan,
                    earlier).variants().get(1).alwaysValidPValue();
            assertEquals(minimum, reported, 1e-12);
            assertTrue(reported <= previousReported);
            previousReported = reported;
            earlier = new EarlierLooks(java.util.Map.of("b", reported), java.util.Map.of());
        }
        assertTrue(mixtureP(600, 6000, 632, 6000, plan.mixingScale()) > 2 * minimum, "the current p-value did rise");
    }

    /**
     * Always-validity through the whole analysis, checked by simulation: 200 A/A experiments converting at 5 %,
     * read after every 250 units per arm up to 10,000 (40 looks), tau fixed from the baseline. The running minimum
     * may fall below alpha = 5 % in at most 5 % of them.
     */
    @Test
    void underContinuousMonitoringFalsePositivesStayAtOrBelowAlpha() {
        var rng = org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        var batch = org.apache.commons.statistics.distribution.BinomialDistribution.of(250, 0.05).createSampler(rng);
        SequentialPlan plan = SequentialPlan.atStart(MetricKind.BINARY, 0.05, 0.1, SequentialPlan.Defaults.DEFAULT);
        int experiments = 200;
        int rejected = 0;
        for (int e = 0; e < experiments; e++) {
            long control = 0;
            long variant = 0;
            EarlierLooks earlier = EarlierLooks.NONE;
            for (int look = 1; look <= 40; look++) {
                control += batch.sample();
                variant += batch.sample();
                long n = 250L * look;
                Double p = read(List.of(binary("control", n, control), binary("b", n, variant)), plan, earlier)
                        .variants().get(1).alwaysValidPValue();
                earlier = new EarlierLooks(java.util.Map.of("b", p), java.util.Map.of());
            }
            rejected += earlier.primaryByVariant().get("b") < 0.05 ? 1 : 0;
        }
        assertTrue(rejected <= 0.05 * experiments, rejected + " of " + experiments + " A/A experiments rejected");
    }

    @Test
    void zTestsHaveNoDegreesOfFreedom() {
        ExperimentReadout readout = read(List.of(binary("control", 1000, 100), binary("b", 1000, 120)),
                SequentialPlan.atStart(MetricKind.BINARY, null, null, SequentialPlan.Defaults.DEFAULT),
                EarlierLooks.NONE);
        assertNull(readout.variants().get(1).againstControl().degreesOfFreedom());
    }
}
