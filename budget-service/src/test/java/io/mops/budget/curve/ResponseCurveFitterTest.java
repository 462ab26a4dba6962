package io.mops.budget.curve;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseCurveFitterTest {

    static final ResponseCurve TRUTH = new ResponseCurve(0.5, 5000, 2500, 2.0);

    /** Three years of weekly spend drawn uniformly from 0 to 3,000, outcomes from the true curve plus N(0, σ²). */
    static double[][] weeklyHistory(ResponseCurve truth, double noise, long seed) {
        Well19937c random = new Well19937c(seed);
        double[] spend = new double[156];
        for (int t = 0; t < spend.length; t++) {
            spend[t] = 3000 * random.nextDouble();
        }
        double[] outcome = truth.predict(spend);
        for (int t = 0; t < outcome.length; t++) {
            outcome[t] = Math.max(0, outcome[t] + noise * random.nextGaussian());
        }
        return new double[][] {spend, outcome};
    }

    private final ResponseCurveFitter fitter = new ResponseCurveFitter();

    /** Spend moving ±{@code swing} around {@code centre}, outcomes from the true curve times (1 + N(0, noise²)). */
    static double[][] steadyHistory(ResponseCurve truth, int periods, double centre, double swing, double noise,
                                    long seed) {
        Well19937c random = new Well19937c(seed);
        double[] spend = new double[periods];
        for (int t = 0; t < periods; t++) {
            spend[t] = centre * (1 + swing * (2 * random.nextDouble() - 1));
        }
        double[] outcome = truth.predict(spend);
        for (int t = 0; t < periods; t++) {
            outcome[t] = Math.max(0, outcome[t] * (1 + noise * random.nextGaussian()));
        }
        return new double[][] {spend, outcome};
    }

    /**
     * The evidence of issue 11's reproduction: 28-day trailing averages of daily spend and outcome, published four
     * times a day over 26 days — 104 "periods" that are nearly the same average.
     */
    static double[][] overlappingAverages(ResponseCurve truth, double centre, long seed) {
        double[][] daily = steadyHistory(truth, 200, centre, 0.5, 0.1, seed);
        double[] spend = new double[104];
        double[] outcome = new double[104];
        for (int k = 0; k < 104; k++) {
            int last = 200 - 26 + k / 4;
            for (int day = last - 27; day <= last; day++) {
                spend[k] += daily[0][day] / 28;
                outcome[k] += daily[1][day] / 28;
            }
        }
        return new double[][] {spend, outcome};
    }

    static final Identifiability.Limits LIMITS = new Identifiability.Limits(0.25, 0.4);

    /** A channel with an S-shaped curve (shape 1.5) spending about 1,000 a week, as in issue 11. */
    static final ResponseCurve WEEKLY = new ResponseCurve(0.3, 5000, 2000, 1.5);

    @Test
    void noiselessDataGiveBackTheCurveThatMadeThem() {
        // The priors pull the mode toward their centres against a noise of at least 1 % of the mean outcome; with
        // 156 periods of widely varying spend that pull is below 0.02 % on every parameter.
        double[][] history = weeklyHistory(TRUTH, 0, 7);
        CurveFit fit = fitter.fit(history[0], history[1]);
        assertEquals(0.5, fit.curve().adstockDecay(), 1e-4);
        assertEquals(5000, fit.curve().maxResponse(), 5000 * 2e-4);
        assertEquals(2500, fit.curve().halfSaturation(), 2500 * 2e-4);
        assertEquals(2.0, fit.curve().shape(), 2.0 * 2e-4);
        assertEquals(1, fit.rSquared(), 1e-6);
    }

    @Test
    void aCurveFarFromThePriorsCentresIsRecoveredToo() {
        // Slow decay, a half-saturation well below the median settled adstock, a nearly concave shape.
        ResponseCurve truth = new ResponseCurve(0.15, 9000, 900, 1.2);
        for (long seed : new long[] {1, 2, 3, 4}) {
            double[][] history = weeklyHistory(truth, 50, seed);
            CurveFit fit = fitter.fit(history[0], history[1]);
            assertEquals(0.15, fit.curve().adstockDecay(), 0.03, "decay, seed " + seed);
            assertEquals(9000, fit.curve().maxResponse(), 9000 * 0.05, "max response, seed " + seed);
            assertEquals(900, fit.curve().halfSaturation(), 900 * 0.08, "half saturation, seed " + seed);
            assertEquals(1.2, fit.curve().shape(), 1.2 * 0.08, "shape, seed " + seed);
            assertTrue(Identifiability.judge(fit, 1500, LIMITS).identifiable(), "seed " + seed);
        }
    }

    @Test
    void spendThatMovedOnlyFifteenPercentIsNotTrustedToMoveMoney() {
        for (long seed : new long[] {1, 2, 3}) {
            double[][] history = steadyHistory(WEEKLY, 104, 1000, 0.15, 0.03, seed);
            CurveFit fit = fitter.fit(history[0], history[1]);
            Identifiability judgement = Identifiability.judge(fit, 1000, LIMITS);
            assertFalse(judgement.identifiable(), "seed " + seed);
            assertTrue(judgement.slopeUncertainty() > LIMITS.slope(), "how far to move is what is unknown");
            assertTrue(judgement.reason().contains("how fast its marginal return falls"), judgement.reason());
            // The shape stays near what the priors and the data allow instead of running off.
            assertTrue(fit.curve().shape() > 1 && fit.curve().shape() < 2, "shape " + fit.curve().shape());
            assertTrue(fit.curve().maxResponse() < 10 * 5000, "max response " + fit.curve().maxResponse());
        }
    }

    @Test
    void spendThatVariedWidelyIsTrustedAndItsIntervalHoldsTheTruth() {
        double truth = WEEKLY.marginalReturn(1000);
        for (long seed : new long[] {1, 2, 3}) {
            double[][] history = steadyHistory(WEEKLY, 104, 1000, 0.6, 0.05, seed);
            CurveFit fit = fitter.fit(history[0], history[1]);
            Identifiability judgement = Identifiability.judge(fit, 1000, LIMITS);
            assertTrue(judgement.identifiable(), "seed " + seed + ": " + judgement);
            double halfWidth = judgement.marginalReturnUncertainty() * judgement.averageReturn();
            assertEquals(truth, judgement.marginalReturn(), halfWidth, "90 % interval, seed " + seed);
            assertEquals(1.5, fit.curve().shape(), 0.2, "shape, seed " + seed);
        }
    }

    @Test
    void nearlyConstantOverlappingAveragesStayFiniteAndAreNotTrusted() {
        for (long seed : new long[] {1, 2, 3}) {
            double[][] averages = overlappingAverages(WEEKLY, 1000, seed);
            CurveFit fit = fitter.fit(averages[0], averages[1]);
            ResponseCurve curve = fit.curve();
            double maxOutcome = java.util.Arrays.stream(averages[1]).max().orElseThrow();
            assertTrue(curve.maxResponse() < 20 * maxOutcome, "max response " + curve.maxResponse());
            assertTrue(curve.halfSaturation() < 20 * 1000 / (1 - curve.adstockDecay()),
                    "half saturation " + curve.halfSaturation());
            assertTrue(curve.shape() < 5, "shape " + curve.shape());
            for (double[] row : fit.freeParameterCovariance()) {
                for (double c : row) {
                    assertTrue(Double.isFinite(c), "a finite covariance");
                }
            }
            assertFalse(Identifiability.judge(fit, 1000, LIMITS).identifiable(), "seed " + seed);
        }
    }

    @Test
    void aWellMeasuredChannelDeepInSaturationIsTrusted() {
        // Its marginal return is tiny, so any error is large beside it; beside its average return it is not.
        ResponseCurve saturated = new ResponseCurve(0.3, 5000, 150, 1.5);
        double[][] history = steadyHistory(saturated, 104, 1000, 0.6, 0.02, 4);
        CurveFit fit = fitter.fit(history[0], history[1]);
        Identifiability judgement = Identifiability.judge(fit, 1000, LIMITS);
        assertTrue(judgement.marginalReturn() < 0.1 * judgement.averageReturn());
        assertTrue(judgement.identifiable(), judgement.toString());
    }

    @Test
    void noisyDataRecoverTheParametersWithinTolerance() {
        for (long seed : new long[] {1, 2, 3, 4, 5, 6, 7, 8}) {
            double[][] history = weeklyHistory(TRUTH, 50, seed);
            CurveFit fit = fitter.fit(history[0], history[1]);
            assertEquals(0.5, fit.curve().adstockDecay(), 0.03, "decay, seed " + seed);
            assertEquals(5000, fit.curve().maxResponse(), 5000 * 0.05, "max response, seed " + seed);
            assertEquals(2500, fit.curve().halfSaturation(), 2500 * 0.05, "half saturation, seed " + seed);
            assertEquals(2.0, fit.curve().shape(), 2.0 * 0.08, "shape, seed " + seed);
        }
    }

    @Test
    void goodnessOfFitReportsTheNoiseItWasGiven() {
        double[][] history = weeklyHistory(TRUTH, 50, 11);
        CurveFit fit = fitter.fit(history[0], history[1]);
        assertEquals(50, fit.rmse(), 10, "the residuals are the noise");
        assertTrue(fit.rSquared() > 0.99 && fit.rSquared() < 1, "R² " + fit.rSquared());
        assertEquals(156, fit.observations());
    }

    @Test
    void theUncertaintyOfAMoveGrowsWithNoiseAndVanishesForNoMove() {
        CurveFit quiet = fitter.fit(weeklyHistory(TRUTH, 20, 5)[0], weeklyHistory(TRUTH, 20, 5)[1]);
        CurveFit loud = fitter.fit(weeklyHistory(TRUTH, 200, 5)[0], weeklyHistory(TRUTH, 200, 5)[1]);
        assertEquals(0, quiet.outcomeChangeStandardError(1000, 1000), 1e-12);
        double quietError = quiet.outcomeChangeStandardError(1000, 1200);
        double loudError = loud.outcomeChangeStandardError(1000, 1200);
        assertTrue(quietError > 0 && loudError > 2 * quietError, quietError + " vs " + loudError);
    }

    @Test
    void tooFewPeriodsAreRefused() {
        assertThrows(CurveFitException.class,
                () -> fitter.fit(new double[] {1, 2, 3, 4, 5, 6, 7}, new double[] {1, 2, 3, 4, 5, 6, 7}));
    }

    @Test
    void spendThatNeverVariedIsRefused() {
        double[] flat = {100, 100, 100, 100, 100, 100, 100, 100, 100, 100};
        double[] outcome = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThrows(CurveFitException.class, () -> fitter.fit(flat, outcome));
    }

    @Test
    void negativeOrMismatchedDataAreRefused() {
        double[] spend = {1, 2, 3, 4, 5, 6, 7, -8, 9};
        double[] outcome = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertThrows(CurveFitException.class, () -> fitter.fit(spend, outcome));
        assertThrows(CurveFitException.class, () -> fitter.fit(outcome, new double[] {1, 2, 3}));
    }
}
