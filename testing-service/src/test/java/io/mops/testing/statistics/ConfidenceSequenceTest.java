package io.mops.testing.statistics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidenceSequenceTest {

    /** Without conversions the posterior is Beta(1, n + 1), density (n + 1)(1 - p)^n: the bound is closed-form. */
    @Test
    void withoutConversionsTheUpperBoundHasAClosedForm() {
        for (long n : new long[] {1, 10, 500, 20_000}) {
            ConfidenceSequence.Bounds bounds = ConfidenceSequence.forConversionRate(0, n, 0.001);
            assertEquals(0.0, bounds.low());
            assertEquals(1.0 - Math.pow(0.001 / (n + 1), 1.0 / n), bounds.high(), 1e-12, "n = " + n);
        }
    }

    /** Reference: scipy.stats.beta.logpdf(p, 121, 1881) = log(0.0025), solved with scipy.optimize.brentq. */
    @Test
    void boundsAreTheRatesWhereThePosteriorDensityFallsToAlpha() {
        ConfidenceSequence.Bounds bounds = ConfidenceSequence.forConversionRate(120, 2000, 0.0025);
        assertEquals(0.038863080138235216, bounds.low(), 1e-10);
        assertEquals(0.08715756068056534, bounds.high(), 1e-10);
        BetaDistribution posterior = BetaDistribution.of(121, 1881);
        assertEquals(0.0025, posterior.density(bounds.low()), 1e-9);
        assertEquals(0.0025, posterior.density(bounds.high()), 1e-9);
    }

    @Test
    void allConversionsMirrorNoConversions() {
        ConfidenceSequence.Bounds none = ConfidenceSequence.forConversionRate(0, 300, 0.01);
        ConfidenceSequence.Bounds all = ConfidenceSequence.forConversionRate(300, 300, 0.01);
        assertEquals(1.0, all.high());
        assertEquals(1.0 - none.high(), all.low(), 1e-12);
        assertEquals(new ConfidenceSequence.Bounds(0.0, 1.0), ConfidenceSequence.forConversionRate(0, 0, 0.01));
    }

    /**
     * Anytime validity, checked by simulation with a known rate: 1,000 visitor streams converting at 3 %, each
     * looked at after every 100 visitors up to 10,000 (100 looks). The true rate must leave the bounds at some look
     * in at most alpha = 10 % of the streams; the ordinary 90 % interval (Wald) read at the same looks leaves far
     * more often, which is why it cannot back a permanent decision.
     */
    @Test
    void theTrueRateStaysInsideAtEveryLookWithProbabilityOneMinusAlpha() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261206L);
        double rate = 0.03;
        double alpha = 0.10;
        double z = NormalDistribution.of(0, 1).inverseSurvivalProbability(alpha / 2);
        int streams = 1000;
        int sequenceMisses = 0;
        int waldMisses = 0;
        for (int s = 0; s < streams; s++) {
            long conversions = 0;
            boolean sequenceMissed = false;
            boolean waldMissed = false;
            for (int n = 1; n <= 10_000; n++) {
                conversions += rng.nextDouble() < rate ? 1 : 0;
                if (n % 100 == 0) {
                    sequenceMissed |= !ConfidenceSequence.forConversionRate(conversions, n, alpha).contains(rate);
                    double estimate = (double) conversions / n;
                    double error = z * Math.sqrt(estimate * (1 - estimate) / n);
                    waldMissed |= Math.abs(estimate - rate) > error;
                }
            }
            sequenceMisses += sequenceMissed ? 1 : 0;
            waldMisses += waldMissed ? 1 : 0;
        }
        assertTrue(sequenceMisses <= alpha * streams, "confidence sequence missed in " + sequenceMisses);
        assertTrue(waldMisses > 3 * alpha * streams, "Wald intervals missed in only " + waldMisses);
    }

    /** The same for a mean with the Normal mixture: values ~ Normal(10, 4^2), known spread, 100 looks of 20. */
    @Test
    void theTrueMeanStaysInsideAtEveryLookWithProbabilityOneMinusAlpha() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(61L);
        var values = NormalDistribution.of(10, 4).createSampler(rng);
        double alpha = 0.10;
        int streams = 1000;
        int misses = 0;
        for (int s = 0; s < streams; s++) {
            double sum = 0;
            boolean missed = false;
            for (int n = 1; n <= 2000; n++) {
                sum += values.sample();
                if (n % 20 == 0) {
                    missed |= !ConfidenceSequence.forMean(sum / n, 16.0 / n, 4.0 / Math.sqrt(100), alpha)
                            .contains(10.0);
                }
            }
            misses += missed ? 1 : 0;
        }
        assertTrue(misses <= alpha * streams, "missed in " + misses);
    }

    /** By construction the bound is where the mixture's p-value reaches alpha; checked from the closed form. */
    @Test
    void theMeanBoundIsWhereTheMixtureLikelihoodRatioReachesOneOverAlpha() {
        double halfWidth = MixtureSequentialTest.halfWidth(0.04, 0.3, 0.01);
        // V = 0.04, tau^2 = 0.09: Lambda(h) = sqrt(0.04 / 0.13) exp(0.09 h^2 / (2 * 0.04 * 0.13)) = 100
        double expected = Math.sqrt((Math.log(100) - 0.5 * Math.log(0.04 / 0.13)) * 2 * 0.04 * 0.13 / 0.09);
        assertEquals(expected, halfWidth, 1e-12);
        assertEquals(0.01, MixtureSequentialTest.alwaysValidPValue(halfWidth, 0.04, 0.3), 1e-12);
    }
}
