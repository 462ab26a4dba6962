package io.mops.budget.curve;

import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void noiselessDataGiveBackTheCurveThatMadeThem() {
        double[][] history = weeklyHistory(TRUTH, 0, 7);
        CurveFit fit = fitter.fit(history[0], history[1]);
        assertEquals(0.5, fit.curve().adstockDecay(), 1e-6);
        assertEquals(5000, fit.curve().maxResponse(), 1e-3);
        assertEquals(2500, fit.curve().halfSaturation(), 1e-3);
        assertEquals(2.0, fit.curve().shape(), 1e-6);
        assertEquals(1, fit.rSquared(), 1e-9);
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
