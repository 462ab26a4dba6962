package io.mops.qa.forecast;

import org.apache.commons.numbers.combinatorics.LogBinomialCoefficient;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BetaBinomialTest {

    @Test
    void withAUniformRateEveryCountIsEquallyLikely() {
        // Beta(1, 1) mixed over Binomial(10, p): every count 0..10 has probability 1/11 (closed form).
        BetaBinomial counts = BetaBinomial.of(10, 1, 1).orElseThrow();
        for (int k = 0; k <= 10; k++) {
            assertEquals(1.0 / 11, counts.probability(k), 1e-14);
            assertEquals((k + 1) / 11.0, counts.cumulativeProbability(k), 1e-14);
        }
        assertEquals(5, counts.inverseCumulativeProbability(0.5), "6/11 is the first cumulative ≥ 1/2");
        assertEquals(0, counts.inverseCumulativeProbability(0.09), "P(X ≤ 0) = 1/11 = 0.0909…");
        assertEquals(1, counts.inverseCumulativeProbability(0.091));
        assertEquals(10, counts.inverseCumulativeProbability(1));
        assertEquals(1, counts.chanceOfAtLeast(0), 1e-15);
        assertEquals(3.0 / 11, counts.chanceOfAtLeast(8), 1e-14);
    }

    @Test
    void probabilitiesMatchTheDefinition() {
        // P(X = k) = C(n, k) B(k + α, n − k + β) / B(α, β), evaluated term by term with Commons Numbers.
        int n = 40;
        double alpha = 2.5;
        double beta = 7;
        BetaBinomial counts = BetaBinomial.of(n, alpha, beta).orElseThrow();
        double total = 0;
        for (int k = 0; k <= n; k++) {
            double definition = Math.exp(LogBinomialCoefficient.value(n, k) + LogBeta.value(k + alpha, n - k + beta)
                    - LogBeta.value(alpha, beta));
            assertEquals(definition, counts.probability(k), 1e-13 + 1e-10 * definition, "k = " + k);
            total += definition;
        }
        assertEquals(1, total, 1e-12);
    }

    @Test
    void aRateKnownAlmostExactlyGivesTheBinomial() {
        // Beta(3e7, 9.7e8) has mean 0.03 and a standard deviation of 5e-6: the counts are Binomial(2000, 0.03).
        BetaBinomial counts = BetaBinomial.of(2000, 0.03e9, 0.97e9).orElseThrow();
        BinomialDistribution binomial = BinomialDistribution.of(2000, 0.03);
        for (int k = 30; k <= 90; k += 5) {
            assertEquals(binomial.cumulativeProbability(k), counts.cumulativeProbability(k), 2e-3, "k = " + k);
        }
        assertEquals(binomial.inverseCumulativeProbability(0.05), counts.inverseCumulativeProbability(0.05));
        assertEquals(binomial.inverseCumulativeProbability(0.95), counts.inverseCumulativeProbability(0.95));
    }

    @Test
    void aLargeCampaignsCountsHaveTheClosedFormMeanAndVariance() {
        // E X = nα/(α+β), Var X = nαβ(α+β+n)/((α+β)²(α+β+1)), against sums over the distribution held.
        long n = 200_000;
        double alpha = 24;
        double beta = 776;
        BetaBinomial counts = BetaBinomial.of(n, alpha, beta).orElseThrow();
        double s = alpha + beta;
        double mean = n * alpha / s;
        double variance = n * alpha * beta * (s + n) / (s * s * (s + 1));
        double sum = 0;
        double squares = 0;
        for (long k = 0; k <= 30_000; k++) {
            double p = counts.probability(k);
            sum += k * p;
            squares += (k - mean) * (k - mean) * p;
        }
        assertEquals(mean, sum, 1e-6 * mean);
        assertEquals(variance, squares, 1e-6 * variance);
        assertEquals(1, counts.cumulativeProbability(30_000), 1e-12);
    }

    @Test
    void aDistributionOverMoreThanAMillionCountsIsNotHeldCountByCount() {
        assertTrue(BetaBinomial.of(10_000_000_000L, 3, 97).isEmpty());
        assertTrue(BetaBinomial.of(1_000_000L, 3, 97).isPresent(), "a few hundred thousand counts are held");
    }
}
