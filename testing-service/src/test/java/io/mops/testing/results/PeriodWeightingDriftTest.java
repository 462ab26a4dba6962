package io.mops.testing.results;

import io.mops.testing.allocation.PeriodTally;
import io.mops.testing.allocation.VariantTally;
import io.mops.testing.experiment.MetricKind;
import io.mops.testing.experiment.SequentialPlan;
import io.mops.testing.statistics.MixtureSequentialTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded simulations of Simpson's paradox in a bandit: over eight allocation periods the base conversion rate
 * climbs from 2 % to 6 % (a promotion building up) while the bandit moves variant B's share from 10 % to 90 %.
 * B therefore collects most of its units when everybody converts more, and its pooled rate flatters it. Weighting
 * by period must recover the true difference; pooling must not.
 */
class PeriodWeightingDriftTest {

    private static final int PERIODS = 8;
    private static final long UNITS_PER_PERIOD = 20_000;

    private static double baseRate(int period) {
        return 0.02 + 0.04 * period / (PERIODS - 1);
    }

    private static double shareOfB(int period) {
        return 0.1 + 0.8 * period / (PERIODS - 1);
    }

    @Test
    void equalVariantsShowNoDifferenceWhenWeightedByPeriodButPoolingInventsOne() {
        Estimates estimates = simulate(0.0, 400, 20261206L);
        assertTrue(Math.abs(estimates.weighted().mean()) <= 3 * estimates.weighted().standardError(),
                "weighted: " + estimates.weighted());
        assertTrue(estimates.pooled().mean() >= 10 * estimates.pooled().standardError(), "pooled: " + estimates.pooled());
        assertTrue(estimates.coverage() >= 0.92 && estimates.coverage() <= 0.98,
                "95 % intervals covered the truth in " + estimates.coverage());
    }

    @Test
    void aKnownDifferenceIsRecoveredWhenWeightedByPeriod() {
        Estimates estimates = simulate(0.005, 400, 7L);
        assertTrue(Math.abs(estimates.weighted().mean() - 0.005) <= 3 * estimates.weighted().standardError(),
                "weighted: " + estimates.weighted());
        assertTrue(estimates.pooled().mean() - 0.005 >= 10 * estimates.pooled().standardError(),
                "pooled: " + estimates.pooled());
        assertTrue(estimates.coverage() >= 0.92 && estimates.coverage() <= 0.98,
                "95 % intervals covered the truth in " + estimates.coverage());
    }

    /**
     * The always-valid test read after every quarter period (32 looks) with its running minimum: with equal
     * variants the weighted test may reject at some look in at most alpha = 5 % of 300 runs, while the same test on
     * pooled counts is fooled by the drift in most of them.
     */
    @Test
    void theAlwaysValidTestKeepsItsFalsePositiveRateUnderDriftWhenWeightedByPeriod() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(99L);
        SequentialPlan plan = SequentialPlan.atStart(MetricKind.BINARY, 0.04, 0.1, SequentialPlan.Defaults.DEFAULT);
        int runs = 300;
        int weightedRejections = 0;
        int pooledRejections = 0;
        for (int r = 0; r < runs; r++) {
            List<PeriodTally> a = new ArrayList<>();
            List<PeriodTally> b = new ArrayList<>();
            EarlierLooks looks = EarlierLooks.NONE;
            double pooledMinimum = 1.0;
            for (int p = 0; p < PERIODS; p++) {
                a.add(PeriodTally.EMPTY);
                b.add(PeriodTally.EMPTY);
                for (int quarter = 0; quarter < 4; quarter++) {
                    long unitsOfB = Math.round(UNITS_PER_PERIOD / 4.0 * shareOfB(p));
                    long unitsOfA = UNITS_PER_PERIOD / 4 - unitsOfB;
                    a.set(p, add(a.get(p), unitsOfA, binomial(unitsOfA, baseRate(p), rng)));
                    b.set(p, add(b.get(p), unitsOfB, binomial(unitsOfB, baseRate(p), rng)));
                    ExperimentReadout readout = analyse(a, b, plan, looks);
                    Double pValue = readout.variants().get(1).alwaysValidPValue();
                    looks = new EarlierLooks(Map.of("b", pValue), Map.of());
                    VariantTally pooledA = pooled("a", a);
                    VariantTally pooledB = pooled("b", b);
                    pooledMinimum = Math.min(pooledMinimum, MixtureSequentialTest.forProportions(pooledA.converted(),
                            pooledA.exposures(), pooledB.converted(), pooledB.exposures(), plan.mixingScale()));
                }
            }
            weightedRejections += looks.primaryByVariant().get("b") < 0.05 ? 1 : 0;
            pooledRejections += pooledMinimum < 0.05 ? 1 : 0;
        }
        assertTrue(weightedRejections <= 0.05 * runs, "weighted: " + weightedRejections + " of " + runs);
        assertTrue(pooledRejections >= 0.5 * runs, "pooled: only " + pooledRejections + " of " + runs);
    }

    private record Moments(double mean, double standardError) {

        static Moments of(double[] values) {
            double mean = 0;
            for (double v : values) {
                mean += v / values.length;
            }
            double variance = 0;
            for (double v : values) {
                variance += (v - mean) * (v - mean) / (values.length - 1);
            }
            return new Moments(mean, Math.sqrt(variance / values.length));
        }
    }

    /** @param coverage how often the reported 95 % confidence interval contained the true difference */
    private record Estimates(Moments weighted, Moments pooled, double coverage) {
    }

    private static Estimates simulate(double uplift, int runs, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] weighted = new double[runs];
        double[] pooled = new double[runs];
        int covered = 0;
        for (int r = 0; r < runs; r++) {
            List<PeriodTally> a = new ArrayList<>();
            List<PeriodTally> b = new ArrayList<>();
            for (int p = 0; p < PERIODS; p++) {
                long unitsOfB = Math.round(UNITS_PER_PERIOD * shareOfB(p));
                long unitsOfA = UNITS_PER_PERIOD - unitsOfB;
                a.add(add(PeriodTally.EMPTY, unitsOfA, binomial(unitsOfA, baseRate(p), rng)));
                b.add(add(PeriodTally.EMPTY, unitsOfB, binomial(unitsOfB, baseRate(p) + uplift, rng)));
            }
            VariantReadout readout = analyse(a, b, SequentialPlan.atStart(MetricKind.BINARY, null, null,
                    SequentialPlan.Defaults.DEFAULT), EarlierLooks.NONE).variants().get(1);
            weighted[r] = readout.againstControl().difference();
            pooled[r] = pooled("b", b).converted() / (double) pooled("b", b).exposures()
                    - pooled("a", a).converted() / (double) pooled("a", a).exposures();
            covered += readout.againstControl().confidenceLow() <= uplift
                    && uplift <= readout.againstControl().confidenceHigh() ? 1 : 0;
        }
        return new Estimates(Moments.of(weighted), Moments.of(pooled), (double) covered / runs);
    }

    private static ExperimentReadout analyse(List<PeriodTally> a, List<PeriodTally> b, SequentialPlan plan,
                                             EarlierLooks looks) {
        return ExperimentAnalysis.DEFAULT.analyse(MetricKind.BINARY,
                List.of(new VariantTally("a", true, a), new VariantTally("b", true, b)), 0, new long[] {0, 0},
                new double[] {0.5, 0.5}, List.of(), plan, looks);
    }

    private static VariantTally pooled(String key, List<PeriodTally> periods) {
        long exposures = periods.stream().mapToLong(PeriodTally::exposures).sum();
        long converted = periods.stream().mapToLong(PeriodTally::converted).sum();
        return new VariantTally(key, true, exposures, converted, converted, converted);
    }

    private static PeriodTally add(PeriodTally tally, long units, long conversions) {
        return new PeriodTally(tally.exposures() + units, tally.converted() + conversions,
                tally.valueSum() + conversions, tally.valueSumOfSquares() + conversions);
    }

    private static long binomial(long trials, double rate, UniformRandomProvider rng) {
        return trials == 0 ? 0 : BinomialDistribution.of(Math.toIntExact(trials), rate).createSampler(rng).sample();
    }
}
