package io.mops.testing.trackrecord;

import io.mops.common.trackrecord.Forecast;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WinnerRateForecastTest {

    @Test
    void underAUniformPosteriorTheObservedCountIsUniformSoItsQuantilesAreKnown() {
        // Beta-binomial(n, 1, 1) is uniform on 0..n: P(X ≤ k) = (k + 1)/(n + 1). For n = 99: the 5 % quantile is
        // the smallest k with (k + 1)/100 ≥ 0.05, k = 4; the 95 % one k = 94.
        Forecast forecast = WinnerRateForecast.observedOn(1, 1, 99);
        assertEquals(0.5, forecast.value(), 1e-12);
        assertEquals(4 / 99.0, forecast.low(), 1e-12);
        assertEquals(94 / 99.0, forecast.high(), 1e-12);
    }

    @Test
    void withManyUnitsThePredictiveNarrowsToThePosteriorsCredibleInterval() {
        // α = 61, β = 1,941 (60 of 2,000 converted, uniform prior): the posterior's 5 % and 95 % quantiles, from
        // Commons Statistics' Beta, are the limit of the observed rate's interval as n grows.
        BetaDistribution posterior = BetaDistribution.of(61, 1_941);
        Forecast large = WinnerRateForecast.observedOn(61, 1_941, 2_000_000);
        assertEquals(posterior.inverseCumulativeProbability(0.05), large.low(), 2e-4);
        assertEquals(posterior.inverseCumulativeProbability(0.95), large.high(), 2e-4);
        Forecast rate = WinnerRateForecast.ofRate(61, 1_941);
        assertEquals(posterior.inverseCumulativeProbability(0.05), rate.low(), 1e-12);
        Forecast small = WinnerRateForecast.observedOn(61, 1_941, 500);
        assertTrue(small.high() - small.low() > 1.5 * (rate.high() - rate.low()),
                "500 units add their own sampling noise to the posterior's");
    }

    @Test
    void theIntervalHoldsTheRealisedRateNineTimesInTenWhenThePosteriorIsRight() {
        // Seeded simulation with known truth: a rate drawn from a Beta(2, 60) prior, 1,500 units observed before the
        // conclusion, 800 after; the realised rate must land inside the forecast's 90 % interval 90 % of the time
        // (a little more: the count is discrete and the quantiles are taken inclusively).
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(12);
        BetaDistribution prior = BetaDistribution.of(2, 60);
        int runs = 2_000;
        int inside = 0;
        for (int run = 0; run < runs; run++) {
            double p = prior.inverseCumulativeProbability(rng.nextDouble());
            int before = binomial(rng, 1_500, p);
            int after = binomial(rng, 800, p);
            Forecast forecast = WinnerRateForecast.observedOn(2 + before, 60 + 1_500 - before, 800);
            if (forecast.holds(after / 800.0)) {
                inside++;
            }
        }
        double share = (double) inside / runs;
        // binomial sd of the share at 0.9 over 2,000 runs is 0.0067: [0.88, 0.95] is three of them either side
        assertTrue(share >= 0.88 && share <= 0.95, "coverage " + share);
    }

    @Test
    void aPosteriorWithoutMassOrNoUnitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> WinnerRateForecast.observedOn(0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> WinnerRateForecast.observedOn(1, 1, 0));
    }

    private static int binomial(UniformRandomProvider rng, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
