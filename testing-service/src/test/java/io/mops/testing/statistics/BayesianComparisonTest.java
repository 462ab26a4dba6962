package io.mops.testing.statistics;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BayesianComparisonTest {

    /** Integration error the comparison promises in probability. */
    private static final double TOLERANCE = 1e-3;

    /**
     * Evan Miller's closed form for integer parameters, "Formulas for Bayesian A/B testing" (2015):
     * P(B > A) = sum_{i=0}^{aB-1} B(aA+i, bA+bB) / ((bB+i) B(1+i, bB) B(aA, bA)).
     */
    static double closedFormChanceBBeatsA(int alphaA, int betaA, int alphaB, int betaB) {
        double total = 0;
        for (int i = 0; i < alphaB; i++) {
            total += Math.exp(LogBeta.value(alphaA + i, betaA + betaB) - Math.log(betaB + i)
                    - LogBeta.value(1 + i, betaB) - LogBeta.value(alphaA, betaA));
        }
        return total;
    }

    @Test
    void chanceToBeatControlMatchesEvanMillersClosedForm() {
        List<BetaPosterior> arms = List.of(BetaPosterior.afterObserving(100, 1000), BetaPosterior.afterObserving(120, 1000));
        double expected = closedFormChanceBBeatsA(101, 901, 121, 881);
        assertEquals(0.9231834389724246, expected, 1e-9);
        assertEquals(expected, BayesianComparison.compare(arms, 0).get(1).chanceToBeatControl(), TOLERANCE);
    }

    @Test
    void chanceToBeatControlMatchesTheClosedFormForSmallSkewedPosteriors() {
        List<BetaPosterior> arms = List.of(new BetaPosterior(3, 5), new BetaPosterior(5, 3));
        assertEquals(0.8569347319347318, closedFormChanceBBeatsA(3, 5, 5, 3), 1e-12);
        assertEquals(0.8569347319347318, BayesianComparison.compare(arms, 0).get(1).chanceToBeatControl(), TOLERANCE);
    }

    @Test
    void withTwoVariantsChanceToBeBestIsChanceToBeatTheOther() {
        List<BetaPosterior> arms = List.of(BetaPosterior.afterObserving(40, 800), BetaPosterior.afterObserving(52, 810));
        List<BayesianVerdict> verdicts = BayesianComparison.compare(arms, 0);
        assertEquals(verdicts.get(1).chanceToBeatControl(), verdicts.get(1).chanceToBeBest(), TOLERANCE);
        assertEquals(1.0, verdicts.get(0).chanceToBeBest() + verdicts.get(1).chanceToBeBest(), 1e-12);
        assertNull(verdicts.get(0).chanceToBeatControl());
        assertNull(verdicts.get(0).uplift());
    }

    @Test
    void chanceToBeBestAndExpectedLossOfThreeVariantsMatchDirectQuadrature() {
        // Reference values: scipy.integrate.quad of f_i * prod F_j and of 1 - prod F_j on Beta(51,951),
        // Beta(61,941), Beta(56,946).
        List<BetaPosterior> arms = List.of(new BetaPosterior(51, 951), new BetaPosterior(61, 941), new BetaPosterior(56, 946));
        List<BayesianVerdict> verdicts = BayesianComparison.compare(arms, 0);
        double[] best = {0.10164096891542215, 0.6199931404691259, 0.27836589061545186};
        double[] loss = {0.012587693484130275, 0.002607653563970594, 0.007597673524050434};
        for (int i = 0; i < 3; i++) {
            assertEquals(best[i], verdicts.get(i).chanceToBeBest(), TOLERANCE, "chance to be best of " + i);
            assertEquals(loss[i], verdicts.get(i).expectedLoss(), 1e-5, "expected loss of " + i);
        }
    }

    @Test
    void chanceToBeBestAndExpectedLossAgreeWithASeededMonteCarloForManyVariants() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int variants = 50;
        BetaPosterior[] arms = new BetaPosterior[variants];
        for (int i = 0; i < variants; i++) {
            long exposures = 500 + rng.nextInt(3000);
            long conversions = Math.round(exposures * (0.04 + 0.02 * rng.nextDouble()));
            arms[i] = BetaPosterior.afterObserving(conversions, exposures);
        }
        List<BayesianVerdict> verdicts = BayesianComparison.compare(Arrays.asList(arms), 0);

        int draws = 40_000;
        ContinuousDistribution.Sampler[] samplers = Arrays.stream(arms)
                .map(a -> BetaDistribution.of(a.alpha(), a.beta()).createSampler(rng))
                .toArray(ContinuousDistribution.Sampler[]::new);
        long[] wins = new long[variants];
        double[] loss = new double[variants];
        double[] draw = new double[variants];
        for (int d = 0; d < draws; d++) {
            int best = 0;
            for (int i = 0; i < variants; i++) {
                draw[i] = samplers[i].sample();
                if (draw[i] > draw[best]) {
                    best = i;
                }
            }
            wins[best]++;
            for (int i = 0; i < variants; i++) {
                loss[i] += draw[best] - draw[i];
            }
        }
        double totalChance = 0;
        for (int i = 0; i < variants; i++) {
            double monteCarlo = (double) wins[i] / draws;
            // Monte Carlo standard error is at most 0.0025 at 40,000 draws; 4 of them plus integration error.
            assertEquals(monteCarlo, verdicts.get(i).chanceToBeBest(), 0.011, "chance to be best of " + i);
            assertEquals(loss[i] / draws, verdicts.get(i).expectedLoss(), 2e-4, "expected loss of " + i);
            totalChance += verdicts.get(i).chanceToBeBest();
        }
        assertEquals(1.0, totalChance, 1e-9);
    }

    @Test
    void upliftIntervalCoversTheMonteCarloQuantilesOfTheRatio() {
        BetaPosterior control = BetaPosterior.afterObserving(500, 10_000);
        BetaPosterior variant = BetaPosterior.afterObserving(575, 10_000);
        UpliftInterval uplift = BayesianComparison.compare(List.of(control, variant), 0).get(1).uplift();

        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        ContinuousDistribution.Sampler c = BetaDistribution.of(control.alpha(), control.beta()).createSampler(rng);
        ContinuousDistribution.Sampler v = BetaDistribution.of(variant.alpha(), variant.beta()).createSampler(rng);
        double[] ratios = new double[50_000];
        for (int d = 0; d < ratios.length; d++) {
            ratios[d] = v.sample() / c.sample() - 1;
        }
        Arrays.sort(ratios);
        assertEquals(ratios[(int) (0.025 * ratios.length)], uplift.low(), 0.005);
        assertEquals(ratios[ratios.length / 2], uplift.estimate(), 0.005);
        assertEquals(ratios[(int) (0.975 * ratios.length)], uplift.high(), 0.005);
        assertTrue(uplift.excludesZero());
    }

    @Test
    void continuousMetricsCompareByTheirNormalPosteriors() {
        NormalPosterior control = NormalPosterior.ofSample(2_000, 10.0, 20.0);
        NormalPosterior variant = NormalPosterior.ofSample(2_000, 11.0, 20.0);
        // The difference of two Normals is Normal(1, sqrt(2) * 20 / sqrt(2000)) = Normal(1, 0.632): P(> 0) = 0.9431.
        double expected = org.apache.commons.statistics.distribution.NormalDistribution.of(1.0, Math.sqrt(2 * 400.0 / 2000))
                .survivalProbability(0.0);
        BayesianVerdict verdict = BayesianComparison.compare(List.of(control, variant), 0).get(1);
        assertEquals(expected, verdict.chanceToBeatControl(), TOLERANCE);
        assertEquals(0.1, verdict.uplift().estimate(), 1e-9);
    }
}
