package io.mops.budget.curve;

import io.mops.budget.money.Money;
import io.mops.budget.optimiser.BudgetOptimiser;
import io.mops.budget.optimiser.ChannelOption;
import io.mops.budget.optimiser.Reallocation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.DoubleStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IncrementalityCalibrationTest {

    @Test
    void theClosedFormMatchesAHandComputationOnATinyCase() {
        // One channel, three periods: f = (0, 1, 2), y = (1, 1.5, 2); σ = 1, τ = 1, prior β ~ N(1, 1), α flat.
        // XᵀX = [[3, 3], [3, 5]], Λ = XᵀX + diag(0, 1) = [[3, 3], [3, 6]], det 9, Λ⁻¹ = [[6, −3], [−3, 3]] / 9.
        // Xᵀy + Λ₀m₀ = (4.5, 5.5) + (0, 1) = (4.5, 6.5); mean = Λ⁻¹ (4.5, 6.5) = (7.5, 6) / 9 = (5/6, 2/3).
        // Least squares alone says β = 0.5; the prior at 1 pulls it to 2/3, with variance 3/9 = 1/3.
        IncrementalityCalibration.Posterior posterior = new IncrementalityCalibration(1, 1)
                .posterior(new double[] {1, 1.5, 2}, new double[][] {{0}, {1}, {2}}, 1);
        assertEquals(5.0 / 6, posterior.mean().getEntry(0), 1e-12);
        assertEquals(2.0 / 3, posterior.mean().getEntry(1), 1e-12);
        assertEquals(1.0 / 3, posterior.covariance().getEntry(1, 1), 1e-12);
        assertEquals(6.0 / 9, posterior.covariance().getEntry(0, 0), 1e-12);
        assertEquals(-3.0 / 9, posterior.covariance().getEntry(0, 1), 1e-12);
    }

    @Test
    void knownFactorsAreRecoveredWithinTheirIntervals() {
        // 90 days; each channel's predicted response varies on its own (as spend explorations and delivery noise
        // make it), the total is 300 + 1·f₁ + 0·f₂ + 0.5·f₃ + N(0, 20²).
        double[] truth = {1, 0, 0.5};
        Random random = new Random(1);
        int n = 90;
        double[][] f = new double[3][n];
        double[] total = new double[n];
        for (int t = 0; t < n; t++) {
            total[t] = 300 + 20 * random.nextGaussian();
            for (int c = 0; c < 3; c++) {
                f[c][t] = 1000 * (1 + 0.7 * (2 * random.nextDouble() - 1));
                total[t] += truth[c] * f[c][t];
            }
        }
        Map<String, double[]> predicted = new LinkedHashMap<>();
        predicted.put("search", f[0]);
        predicted.put("display", f[1]);
        predicted.put("social", f[2]);
        IncrementalityCalibration.Result result = new IncrementalityCalibration(0.5, 8).calibrate(total, predicted);
        assertTrue(result.informed());
        int c = 0;
        for (IncrementalityCalibration.Factor factor : result.factors().values()) {
            double expected = truth[c++];
            assertTrue(factor.lower90() <= expected && expected <= factor.upper90(),
                    factor.describe() + " holds " + expected);
            assertTrue(factor.sd() < 0.05, factor.describe() + " is measured, not left at the prior");
        }
        assertEquals(20, result.noise(), 20 * 0.2, "the noise it assumed is near the noise it was given");
    }

    @Test
    void withConstantSpendThePosteriorIsThePrior() {
        // Predicted responses that never move say nothing about the factors: the flat intercept takes the level.
        Random random = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            int n = 10 + random.nextInt(80);
            double[] total = new double[n];
            for (int t = 0; t < n; t++) {
                total[t] = 5000 * random.nextDouble();
            }
            Map<String, double[]> predicted = new LinkedHashMap<>();
            for (String channel : List.of("search", "display", "social")) {
                double level = 100 + 3000 * random.nextDouble();
                predicted.put(channel, DoubleStream.generate(() -> level).limit(n).toArray());
            }
            double tau = 0.1 + random.nextDouble();
            IncrementalityCalibration.Result result = new IncrementalityCalibration(tau, 8)
                    .calibrate(total, predicted);
            assertTrue(result.informed());
            for (IncrementalityCalibration.Factor factor : result.factors().values()) {
                assertEquals(1, factor.mean(), 1e-6, factor.describe());
                assertEquals(tau, factor.sd(), 1e-6 * tau, factor.describe());
            }
        }
    }

    @Test
    void tooFewPeriodsLeaveEveryFactorAtItsPrior() {
        IncrementalityCalibration.Result result = new IncrementalityCalibration(0.5, 8).calibrate(
                new double[] {1, 2, 3, 4, 5}, Map.of("search", new double[] {5, 1, 4, 2, 3}));
        assertFalse(result.informed());
        assertEquals(1, result.factors().get("search").mean());
        assertEquals(0.5, result.factors().get("search").sd());
    }

    @Test
    void aChannelCreditedWithConversionsThatHappenAnywayGetsAFactorNearZero() {
        // The simulator's idle display: its credit grows with its spend, taken from search's credit, while the total
        // follows search's spend alone. Each channel's curve is its expected credit as a function of its OWN spend
        // (what a fitted curve is): display's 3 · 2000 · 0.4 d / (d + 2000) at search's mean spend of 2,000, and
        // search's 3 s less display's mean credit. The total says display does nothing.
        Random random = new Random(3);
        int n = 60;
        double[] searchSpend = new double[n];
        double[] displaySpend = new double[n];
        double[] total = new double[n];
        double[] displayCurve = new double[n];
        double meanDisplayCredit = 0;
        for (int t = 0; t < n; t++) {
            searchSpend[t] = 2000 * (1 + 0.15 * (2 * random.nextDouble() - 1));
            // a spend exploration: display's spend alternates ±70 % in phases of three days
            displaySpend[t] = 2000 * (1 + ((t / 3) % 2 == 0 ? 0.7 : -0.7)) * (1 + 0.15 * (2 * random.nextDouble() - 1));
            total[t] = 3 * searchSpend[t] + 100 * random.nextGaussian();
            double displayShare = 0.4 * displaySpend[t] / (displaySpend[t] + 2000);
            meanDisplayCredit += total[t] * displayShare / n;
            displayCurve[t] = 3 * 2000 * displayShare;
        }
        double[] searchCurve = new double[n];
        for (int t = 0; t < n; t++) {
            searchCurve[t] = 3 * searchSpend[t] - meanDisplayCredit;
        }
        Map<String, double[]> predicted = new LinkedHashMap<>();
        predicted.put("search", searchCurve);
        predicted.put("display", displayCurve);
        IncrementalityCalibration.Result result = new IncrementalityCalibration(0.5, 8).calibrate(total, predicted);
        IncrementalityCalibration.Factor display = result.factors().get("display");
        IncrementalityCalibration.Factor search = result.factors().get("search");
        assertTrue(display.lower90() <= 0 && display.upper90() < 0.3, display.describe());
        assertEquals(0, display.applied(), 0.15, display.describe());
        assertTrue(search.lower90() <= 1 && 1 <= search.upper90(), search.describe());
    }

    @Test
    void theOptimiserCutsAChannelWithAZeroFactorToItsFloor() {
        // Two identical curves; display's total effect is measured as nothing. Its whole money left is worth
        // nothing, so all of it goes to search, down to display's floor of 500 (what its campaigns hold).
        ResponseCurve curve = new ResponseCurve(0.2, 6000, 1500, 1.0);
        CurveFit fit = new CurveFit(curve, 1, 0, 60, new double[4][4]);
        ChannelOption search = ChannelOption.unconstrained("search", fit.overPeriods(1), eur(2000));
        ChannelOption display = new ChannelOption("display", fit.scaledBy(0).overPeriods(1), eur(2000), eur(500),
                Optional.empty(), false);
        Reallocation reallocation = new BudgetOptimiser(Optional.empty()).optimise(eur(4000),
                List.of(search, display));
        Map<String, BigDecimal> after = new LinkedHashMap<>();
        reallocation.moves().forEach(m -> after.put(m.channel(), m.spendAfter().amount()));
        assertEquals(0, new BigDecimal("500.00").compareTo(after.get("display")), after.toString());
        assertEquals(0, new BigDecimal("3500.00").compareTo(after.get("search")), after.toString());
        // With factor 1 the same two curves keep the even split: the cut is the factor's doing.
        Reallocation unscaled = new BudgetOptimiser(Optional.empty()).optimise(eur(4000), List.of(search,
                new ChannelOption("display", fit.overPeriods(1), eur(2000), eur(500), Optional.empty(), false)));
        unscaled.moves().forEach(m -> assertEquals(0, new BigDecimal("2000.00").compareTo(m.spendAfter().amount()),
                m.toString()));
    }

    private static Money eur(double amount) {
        return Money.of(BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN), Money.currency("EUR"));
    }
}
