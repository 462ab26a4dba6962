package io.mops.budget.curve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponseCurveTest {

    @Test
    void atHalfSaturationTheResponseIsHalfTheMaximum() {
        ResponseCurve noCarryOver = new ResponseCurve(0, 1000, 400, 2.3);
        assertEquals(500, noCarryOver.steadyStateOutcome(400), 1e-9);
    }

    @Test
    void adstockCarriesTheDecayedEffectIntoLaterPeriods() {
        // shape 1 and a huge half-saturation keep the Hill part linear (outcome ≈ maxResponse · adstock / K).
        ResponseCurve nearlyLinear = new ResponseCurve(0.5, 1e9, 1e9, 1);
        double[] outcome = nearlyLinear.predict(new double[] {100, 0, 0, 40});
        assertArrayEquals(new double[] {100, 50, 25, 52.5}, outcome, 1e-4);
    }

    @Test
    void steadySpendSettlesAtSpendOverOneMinusDecay() {
        ResponseCurve curve = new ResponseCurve(0.75, 800, 1000, 1.5);
        double[] spend = new double[200];
        java.util.Arrays.fill(spend, 250);
        double[] outcome = curve.predict(spend);
        assertEquals(400, curve.steadyStateOutcome(250), 1e-9, "adstock settles at 250 / 0.25 = 1000 = K");
        assertEquals(curve.steadyStateOutcome(250), outcome[199], 1e-6);
    }

    @Test
    void marginalReturnIsTheSlopeOfTheSteadyStateOutcome() {
        ResponseCurve curve = new ResponseCurve(0.3, 5000, 2500, 2.2);
        for (double spend : new double[] {50, 400, 1750, 6000}) {
            double h = 1e-3;
            double slope = (curve.steadyStateOutcome(spend + h) - curve.steadyStateOutcome(spend - h)) / (2 * h);
            assertEquals(slope, curve.marginalReturn(spend), 1e-6 * Math.max(1, slope), "at " + spend);
        }
    }

    @Test
    void anSShapedCurveTurnsConcaveAtItsInflectionPoint() {
        ResponseCurve curve = new ResponseCurve(0.4, 5000, 2500, 3);
        double inflection = curve.concaveFrom();
        assertEquals(2500 * Math.cbrt(0.5) * 0.6, inflection, 1e-9);
        assertTrue(curve.marginalReturn(inflection) > curve.marginalReturn(inflection * 0.9));
        assertTrue(curve.marginalReturn(inflection) > curve.marginalReturn(inflection * 1.1));
        assertEquals(0, new ResponseCurve(0.4, 5000, 2500, 0.8).concaveFrom());
    }

    @Test
    void aDecayOfOneOrMoreIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseCurve(1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ResponseCurve(0.5, 0, 1, 1));
    }
}
