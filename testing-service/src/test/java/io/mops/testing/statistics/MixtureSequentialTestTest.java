package io.mops.testing.statistics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MixtureSequentialTestTest {

    private static final double ALPHA = 0.05;

    @Test
    void likelihoodRatioMatchesTheClosedFormOfJohariEtAl() {
        // V = 1, tau^2 = 1, d = 2: Lambda = sqrt(1/2) * exp(1 * 4 / (2 * 1 * 2)) = 0.70711 * e = 1.92211
        assertEquals(1 / (Math.sqrt(0.5) * Math.E), MixtureSequentialTest.alwaysValidPValue(2.0, 1.0, 1.0), 1e-12);
    }

    @Test
    void noDifferenceGivesNoEvidence() {
        assertEquals(1.0, MixtureSequentialTest.alwaysValidPValue(0.0, 0.001, 0.01));
    }

    @Test
    void aLargeDifferenceWithLotsOfDataIsSignificant() {
        assertTrue(MixtureSequentialTest.forProportions(1000, 20_000, 1300, 20_000, 0.005) < 0.001);
    }

    /**
     * 400 A/A experiments (both arms convert at 5 %), each looked at after every 200 units per arm up to 10,000:
     * 50 peeks. Stopping at the first look with p < alpha must stay at or below alpha for the mSPRT, while the
     * fixed-horizon z test peeked the same way is fooled far more often.
     */
    @Test
    void falsePositiveRateUnderRepeatedPeekingStaysAtOrBelowAlpha() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261125L);
        DiscreteDistribution.Sampler batch = BinomialDistribution.of(200, 0.05).createSampler(rng);
        int experiments = 400;
        int sequentialFalsePositives = 0;
        int naiveFalsePositives = 0;
        for (int e = 0; e < experiments; e++) {
            long control = 0;
            long variant = 0;
            boolean sequentialRejected = false;
            boolean naiveRejected = false;
            for (int look = 1; look <= 50; look++) {
                control += batch.sample();
                variant += batch.sample();
                long n = 200L * look;
                if (MixtureSequentialTest.forProportions(control, n, variant, n, 0.01) < ALPHA) {
                    sequentialRejected = true;
                }
                if (control + variant > 0 && TwoProportionTest.compare(control, n, variant, n, 0.95).pValue() < ALPHA) {
                    naiveRejected = true;
                }
            }
            sequentialFalsePositives += sequentialRejected ? 1 : 0;
            naiveFalsePositives += naiveRejected ? 1 : 0;
        }
        double sequentialRate = (double) sequentialFalsePositives / experiments;
        double naiveRate = (double) naiveFalsePositives / experiments;
        assertTrue(sequentialRate <= ALPHA, "mSPRT false-positive rate " + sequentialRate);
        assertTrue(naiveRate > 2 * ALPHA, "peeking at the z test should inflate its rate, was " + naiveRate);
    }
}
