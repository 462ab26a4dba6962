package io.mops.budget.curve;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The model's algebra, written once over Hipparchus {@link Gradient}s so that the fitter gets exact Jacobians
 * and the uncertainty of a prediction comes from the same code as the prediction itself.
 *
 * <p>The free parameters the fitter moves are unconstrained: {@code logit(decay), ln(maxResponse),
 * ln(halfSaturation), ln(shape)}. That keeps decay in (0, 1) and the others positive without bounds.
 */
final class AdstockHill {

    static final int PARAMETERS = 4;

    private AdstockHill() {
    }

    /** The model parameters {@code [decay, maxResponse, ln(halfSaturation), shape]} as functions of θ. */
    static Gradient[] fromFree(double[] theta) {
        Gradient logitDecay = Gradient.variable(PARAMETERS, 0, theta[0]);
        Gradient logMax = Gradient.variable(PARAMETERS, 1, theta[1]);
        Gradient logHalf = Gradient.variable(PARAMETERS, 2, theta[2]);
        Gradient logShape = Gradient.variable(PARAMETERS, 3, theta[3]);
        Gradient one = Gradient.constant(PARAMETERS, 1);
        Gradient decay = one.divide(one.add(logitDecay.negate().exp()));
        return new Gradient[] {decay, logMax.exp(), logHalf, logShape.exp()};
    }

    static double[] toFree(ResponseCurve curve) {
        double decay = curve.adstockDecay();
        return new double[] {Math.log(decay / (1 - decay)), Math.log(curve.maxResponse()),
                Math.log(curve.halfSaturation()), Math.log(curve.shape())};
    }

    static ResponseCurve curveOf(double[] theta) {
        Gradient[] p = fromFree(theta);
        return new ResponseCurve(p[0].getValue(), p[1].getValue(), Math.exp(p[2].getValue()), p[3].getValue());
    }

    /** Hill saturation {@code a^S / (a^S + K^S)}, written as {@code 1 / (1 + exp(S (ln K - ln a)))} to stay finite. */
    static Gradient hill(Gradient adstock, Gradient logHalfSaturation, Gradient shape) {
        if (adstock.getValue() <= 0) {
            return Gradient.constant(adstock.getFreeParameters(), 0);
        }
        Gradient one = Gradient.constant(adstock.getFreeParameters(), 1);
        return one.divide(one.add(shape.multiply(logHalfSaturation.subtract(adstock.log())).exp()));
    }

    /** Predicted outcome per period for a spend series, carrying over {@code decay} of each period's adstock. */
    static Gradient[] predict(double[] spend, Gradient[] p) {
        Gradient[] outcome = new Gradient[spend.length];
        Gradient adstock = Gradient.constant(PARAMETERS, 0);
        for (int t = 0; t < spend.length; t++) {
            adstock = p[0].multiply(adstock).add(spend[t]);
            outcome[t] = p[1].multiply(hill(adstock, p[2], p[3]));
        }
        return outcome;
    }

    /**
     * Extra outcome per extra unit of sustained spend per period, {@code β · h′(a) / (1 − λ)} at the settled adstock
     * {@code a = x / (1 − λ)}, where {@code h′(a) = S/a · h (1 − h)}.
     */
    static Gradient marginalReturn(double spendPerPeriod, Gradient[] p) {
        Gradient one = Gradient.constant(PARAMETERS, 1);
        Gradient carry = one.subtract(p[0]).reciprocal();
        Gradient adstock = carry.multiply(spendPerPeriod);
        Gradient h = hill(adstock, p[2], p[3]);
        return p[1].multiply(p[3]).multiply(h).multiply(one.subtract(h)).divide(adstock).multiply(carry);
    }

    /**
     * How much the marginal return changes per relative change of spend, {@code d f′ / d ln x = x f″(x)}, from the
     * marginal return's elasticity {@code d ln f′ / d ln x = S − 1 − 2 S h(a)}. Negative in the concave part: a
     * tenth more spend lowers the marginal return by about a tenth of it.
     */
    static Gradient marginalReturnSlope(double spendPerPeriod, Gradient[] p) {
        Gradient one = Gradient.constant(PARAMETERS, 1);
        Gradient adstock = one.subtract(p[0]).reciprocal().multiply(spendPerPeriod);
        Gradient h = hill(adstock, p[2], p[3]);
        Gradient elasticity = p[3].subtract(1).subtract(p[3].multiply(h).multiply(2));
        return elasticity.multiply(marginalReturn(spendPerPeriod, p));
    }

    /** Outcome per period once a constant spend has run long enough for the adstock to settle at x / (1 - decay). */
    static Gradient steadyState(double spendPerPeriod, Gradient[] p) {
        Gradient one = Gradient.constant(PARAMETERS, 1);
        Gradient adstock = one.subtract(p[0]).reciprocal().multiply(spendPerPeriod);
        return p[1].multiply(hill(adstock, p[2], p[3]));
    }
}
