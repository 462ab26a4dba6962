package io.mops.testing.statistics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuperiorityTestTest {

    /**
     * The property everything rests on, checked by brute force over every possible outcome of small periods: under
     * the null (the challenger converts at least as well as the leader) the e-value's expectation is at most 1,
     * whatever the two rates are. With the leader truly better it exceeds 1, so the evidence can grow.
     */
    @Test
    void oneAllocationPeriodsEvidenceHasExpectationAtMostOneUnderTheNullWhateverTheRates() {
        double[] rates = {0.0, 0.01, 0.03, 0.1, 0.3, 0.5, 0.7, 0.95, 1.0};
        for (double challengerRate : rates) {
            for (double leaderRate : rates) {
                double expectation = expectedEvidence(9, challengerRate, 14, leaderRate);
                if (leaderRate <= challengerRate) {
                    assertTrue(expectation <= 1.0 + 1e-12, "challenger " + challengerRate + ", leader "
                            + leaderRate + ": " + expectation);
                } else if (challengerRate > 0 && leaderRate < 1) {
                    assertTrue(expectation > 1.0, "no growth with the leader better: " + expectation);
                }
            }
        }
    }

    /**
     * Two periods whose base rates differ (3 % then 30 %), the challenger as good as the leader in each: the
     * expectation of the product over every outcome of both periods is still at most 1, while the same data pooled
     * over the periods, with the leader's units mostly in the better period, would be evidence for the leader.
     */
    @Test
    void evidenceOverPeriodsWithDifferentBaseRatesHasExpectationAtMostOne() {
        int[] challengerUnits = {8, 2};
        int[] leaderUnits = {2, 8};
        double[] baseRate = {0.03, 0.3};
        double expectation = 0.0;
        BinomialDistribution c0 = BinomialDistribution.of(challengerUnits[0], baseRate[0]);
        BinomialDistribution l0 = BinomialDistribution.of(leaderUnits[0], baseRate[0]);
        BinomialDistribution c1 = BinomialDistribution.of(challengerUnits[1], baseRate[1]);
        BinomialDistribution l1 = BinomialDistribution.of(leaderUnits[1], baseRate[1]);
        for (int a = 0; a <= challengerUnits[0]; a++) {
            for (int b = 0; b <= leaderUnits[0]; b++) {
                for (int c = 0; c <= challengerUnits[1]; c++) {
                    for (int d = 0; d <= leaderUnits[1]; d++) {
                        double probability = c0.probability(a) * l0.probability(b) * c1.probability(c)
                                * l1.probability(d);
                        expectation += probability * SuperiorityTest.forConversions(new long[] {8, 2},
                                new long[] {a, c}, new long[] {2, 8}, new long[] {b, d}).value();
                    }
                }
            }
        }
        assertTrue(expectation <= 1.0 + 1e-12, "expectation " + expectation);
    }

    /**
     * Reference: the mixture recomputed with numpy ({@code t = 0.005 * 2 ** (arange(17) / 2)}, {@code log1p},
     * {@code expm1}, {@code scipy.special.logsumexp}); the period without challenger units is skipped.
     */
    @Test
    void conversionEvidenceMatchesAnIndependentComputation() {
        SuperiorityTest.Evidence evidence = SuperiorityTest.forConversions(new long[] {1200, 0, 900, 2500},
                new long[] {30, 0, 41, 70}, new long[] {3800, 5000, 4100, 2500}, new long[] {131, 160, 150, 96});
        assertEquals(0.3068167003861033, evidence.logValue(), 1e-12);
        assertEquals(0.7357854577375874, evidence.pValue(), 1e-12);
    }

    /** Reference: numpy on the raw values (sample variances with ddof=1), same grid in pooled standard deviations. */
    @Test
    void meanEvidenceMatchesAnIndependentComputation() {
        SuperiorityTest.Evidence evidence = SuperiorityTest.forMeans(new long[] {6, 4}, new double[] {64, 86},
                new double[] {706, 1870}, new long[] {7, 5}, new double[] {96, 123}, new double[] {1336, 3047});
        assertEquals(3.1751116826433803, evidence.logValue(), 1e-10);
        assertEquals(0.04178943666953749, evidence.pValue(), 1e-11);
    }

    @Test
    void aLeaderThatDoesWorseGivesNoEvidence() {
        assertEquals(1.0, SuperiorityTest.forConversions(new long[] {1000}, new long[] {50}, new long[] {1000},
                new long[] {30}).pValue());
        assertEquals(1.0, SuperiorityTest.forConversions(new long[] {0}, new long[] {0}, new long[] {1000},
                new long[] {30}).pValue());
    }

    /**
     * Always valid under drift, by seeded simulation: 2,000 pairs of equally good variants over 30 periods, the base
     * rate climbing from 2 % to 6 % while the leader's share climbs from 10 % to 90 % (a bandit favouring it), read
     * after every period. The p-value may fall to alpha = 5 % at some look in at most 5 % of the pairs; the same
     * test on the pooled counts, fooled by Simpson's paradox, falls there in most of them.
     */
    @Test
    void equallyGoodVariantsAreRarelySeparatedAtAnyLookWhileTheBaseRateAndTheSharesMove() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261206L);
        int pairs = 2000;
        int periods = 30;
        long unitsPerPeriod = 4000;
        int byPeriod = 0;
        int pooled = 0;
        for (int pair = 0; pair < pairs; pair++) {
            long[] challengerUnits = new long[periods];
            long[] challengerConversions = new long[periods];
            long[] leaderUnits = new long[periods];
            long[] leaderConversions = new long[periods];
            boolean separated = false;
            boolean pooledSeparated = false;
            for (int p = 0; p < periods; p++) {
                double base = 0.02 + 0.04 * p / (periods - 1);
                double leaderShare = 0.1 + 0.8 * p / (periods - 1);
                leaderUnits[p] = Math.round(unitsPerPeriod * leaderShare);
                challengerUnits[p] = unitsPerPeriod - leaderUnits[p];
                leaderConversions[p] = binomial(leaderUnits[p], base, rng);
                challengerConversions[p] = binomial(challengerUnits[p], base, rng);
                separated |= SuperiorityTest.forConversions(challengerUnits, challengerConversions, leaderUnits,
                        leaderConversions).pValue() <= 0.05;
                pooledSeparated |= SuperiorityTest.forConversions(new long[] {sum(challengerUnits)},
                        new long[] {sum(challengerConversions)}, new long[] {sum(leaderUnits)},
                        new long[] {sum(leaderConversions)}).pValue() <= 0.05;
            }
            byPeriod += separated ? 1 : 0;
            pooled += pooledSeparated ? 1 : 0;
        }
        assertTrue(byPeriod <= 0.05 * pairs, byPeriod + " of " + pairs);
        assertTrue(pooled >= 0.5 * pairs, "pooled counts separated only " + pooled + " of " + pairs);
    }

    /** The leader truly better (3.6 % against 3.0 %, 20,000 units each per period) is found within ten periods. */
    @Test
    void aTrulyBetterLeaderIsFound() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        int found = 0;
        for (int pair = 0; pair < 200; pair++) {
            long[] units = new long[10];
            long[] challenger = new long[10];
            long[] leader = new long[10];
            for (int p = 0; p < 10; p++) {
                units[p] = 20_000;
                challenger[p] = binomial(20_000, 0.030, rng);
                leader[p] = binomial(20_000, 0.036, rng);
            }
            found += SuperiorityTest.forConversions(units, challenger, units, leader).pValue() <= 0.001 ? 1 : 0;
        }
        assertTrue(found >= 190, found + " of 200");
    }

    /**
     * Means, approximately: 2,000 pairs of equally good variants whose mean value climbs from 10 to 30 over 30
     * periods while the leader's share climbs from 10 % to 90 % (sd 8, 1,000 units per period); separated at some
     * look in at most 5 % of the pairs at alpha = 5 %.
     */
    @Test
    void equalMeansAreRarelySeparatedWhileTheMeanDrifts() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        ContinuousDistribution.Sampler normal = NormalDistribution.of(0.0, 1.0).createSampler(rng);
        int pairs = 2000;
        int periods = 30;
        int separated = 0;
        for (int pair = 0; pair < pairs; pair++) {
            long[][] units = new long[2][periods];
            double[][] sums = new double[2][periods];
            double[][] squares = new double[2][periods];
            boolean any = false;
            for (int p = 0; p < periods; p++) {
                double mean = 10.0 + 20.0 * p / (periods - 1);
                units[1][p] = Math.round(1000 * (0.1 + 0.8 * p / (periods - 1)));
                units[0][p] = 1000 - units[1][p];
                for (int arm = 0; arm < 2; arm++) {
                    for (long u = 0; u < units[arm][p]; u++) {
                        double value = mean + 8.0 * normal.sample();
                        sums[arm][p] += value;
                        squares[arm][p] += value * value;
                    }
                }
                any |= SuperiorityTest.forMeans(units[0], sums[0], squares[0], units[1], sums[1], squares[1])
                        .pValue() <= 0.05;
            }
            separated += any ? 1 : 0;
        }
        assertTrue(separated <= 0.05 * pairs, separated + " of " + pairs);
    }

    /** The e-value's expectation by enumerating every outcome of one period. */
    private static double expectedEvidence(int challengerUnits, double challengerRate, int leaderUnits,
                                           double leaderRate) {
        BinomialDistribution challenger = BinomialDistribution.of(challengerUnits, challengerRate);
        BinomialDistribution leader = BinomialDistribution.of(leaderUnits, leaderRate);
        double expectation = 0.0;
        for (int c = 0; c <= challengerUnits; c++) {
            for (int l = 0; l <= leaderUnits; l++) {
                double probability = challenger.probability(c) * leader.probability(l);
                if (probability > 0) {
                    expectation += probability * SuperiorityTest.forConversions(new long[] {challengerUnits},
                            new long[] {c}, new long[] {leaderUnits}, new long[] {l}).value();
                }
            }
        }
        return expectation;
    }

    private static long binomial(long trials, double probability, UniformRandomProvider rng) {
        long successes = 0;
        for (long i = 0; i < trials; i++) {
            successes += rng.nextDouble() < probability ? 1 : 0;
        }
        return successes;
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
