package io.mops.budget.curve;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * A channel's response to spend: geometric adstock (each period keeps {@code adstockDecay} of the previous
 * period's effect) fed through Hill saturation, the form Robyn, Meridian and PyMC-Marketing use:
 * <pre>
 *   adstock[t] = spend[t] + decay · adstock[t-1]
 *   outcome[t] = maxResponse · adstock[t]^shape / (adstock[t]^shape + halfSaturation^shape)
 * </pre>
 * Amounts here are model quantities (money as a double), not ledger amounts: the curve is an estimate.
 *
 * @param adstockDecay share of the effect carried into the next period, in [0, 1)
 * @param maxResponse outcome per period at full saturation
 * @param halfSaturation adstock at which half of {@code maxResponse} is reached
 * @param shape Hill exponent: at most 1 the curve is concave, above 1 it is S-shaped
 */
public record ResponseCurve(double adstockDecay, double maxResponse, double halfSaturation, double shape) {

    public ResponseCurve {
        if (!(adstockDecay >= 0 && adstockDecay < 1)) {
            throw new IllegalArgumentException("adstockDecay must be in [0, 1), was " + adstockDecay);
        }
        if (!(maxResponse > 0 && halfSaturation > 0 && shape > 0)) {
            throw new IllegalArgumentException("maxResponse, halfSaturation and shape must be positive");
        }
    }

    public double[] predict(double[] spend) {
        Gradient[] predicted = AdstockHill.predict(spend, parameters());
        double[] values = new double[spend.length];
        for (int t = 0; t < values.length; t++) {
            values[t] = predicted[t].getValue();
        }
        return values;
    }

    /** Outcome per period when {@code spendPerPeriod} is spent every period (adstock settled). */
    public double steadyStateOutcome(double spendPerPeriod) {
        // The same formula as AdstockHill's, in plain doubles: the optimiser evaluates it hundreds of thousands of times.
        if (spendPerPeriod <= 0) {
            return 0;
        }
        double adstock = spendPerPeriod / (1 - adstockDecay);
        return maxResponse / (1 + Math.exp(shape * (Math.log(halfSaturation) - Math.log(adstock))));
    }

    /** Extra outcome per extra unit of spend per period, at a sustained {@code spendPerPeriod}. */
    public double marginalReturn(double spendPerPeriod) {
        if (spendPerPeriod <= 0) {
            // The limit of the slope at zero: flat for S-shaped curves, 1/K for shape 1, unbounded below 1.
            if (shape > 1) {
                return 0;
            }
            return shape == 1 ? maxResponse / (halfSaturation * (1 - adstockDecay)) : Double.POSITIVE_INFINITY;
        }
        double a = spendPerPeriod / (1 - adstockDecay);
        double saturation = 1 / (1 + Math.pow(halfSaturation / a, shape));
        double hillSlope = shape / a * saturation * (1 - saturation);
        return maxResponse * hillSlope / (1 - adstockDecay);
    }

    /**
     * How much the marginal return changes per relative change of sustained spend per period, {@code x f″(x)}: a
     * move of a tenth more spend changes the marginal return by about a tenth of this.
     */
    public double marginalReturnSlope(double spendPerPeriod) {
        return AdstockHill.marginalReturnSlope(spendPerPeriod, parameters()).getValue();
    }

    /**
     * Spend per period above which the curve is concave (every further unit returns less than the last). Zero
     * for concave curves; for S-shaped ones, the Hill inflection point {@code K ((S-1)/(S+1))^(1/S)} in spend.
     */
    public double concaveFrom() {
        if (shape <= 1) {
            return 0;
        }
        return halfSaturation * Math.pow((shape - 1) / (shape + 1), 1 / shape) * (1 - adstockDecay);
    }

    private Gradient[] parameters() {
        int n = AdstockHill.PARAMETERS;
        return new Gradient[] {Gradient.constant(n, adstockDecay), Gradient.constant(n, maxResponse),
                Gradient.constant(n, Math.log(halfSaturation)), Gradient.constant(n, shape)};
    }
}
