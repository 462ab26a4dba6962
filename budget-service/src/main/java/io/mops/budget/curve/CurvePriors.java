package io.mops.budget.curve;

import org.hipparchus.analysis.differentiation.Gradient;

import java.util.Arrays;

/**
 * Weakly informative priors on a channel's curve, scaled to its own data, as Meridian and PyMC-Marketing use them
 * to keep a curve sensible where the data say little. Each is a normal distribution on the log (or logit) scale:
 *
 * <table>
 *   <caption>priors</caption>
 *   <tr><th>quantity</th><th>centre</th><th>sd</th><th>95 % of the prior</th></tr>
 *   <tr><td>{@code logit λ}</td><td>0 (λ = 0.5)</td><td>1.5</td><td>λ in 0.05–0.95</td></tr>
 *   <tr><td>{@code ln β}</td><td>ln(2 · median outcome)</td><td>1</td><td>β within ×7 of twice the median
 *       outcome</td></tr>
 *   <tr><td>{@code ln K − ln(median spend / (1 − λ))}</td><td>0</td><td>1</td><td>K within ×7 of the median
 *       settled adstock</td></tr>
 *   <tr><td>{@code ln S}</td><td>ln √2</td><td>0.5</td><td>S in 0.53–3.8</td></tr>
 * </table>
 *
 * At the centre the median spend, sustained, reaches half the curve's maximum, which then yields the median outcome:
 * the four centres describe one curve through the middle of the data. The shape is centred between a concave curve
 * (1) and the S-shape usually fitted (2). The half-saturation is placed relative to the settled adstock, not the
 * spend, so that decay and half-saturation do not trade off through the prior.
 */
public record CurvePriors(double medianSpend, double medianOutcome) {

    static final double DECAY_CENTRE = 0;
    static final double DECAY_SD = 1.5;
    static final double MAX_RESPONSE_SD = 1;
    static final double HALF_SATURATION_SD = 1;
    static final double SHAPE_CENTRE = Math.log(Math.sqrt(2));
    static final double SHAPE_SD = 0.5;

    /** Rows the priors add to the least-squares problem. */
    static final int ROWS = 4;

    public CurvePriors {
        if (!(medianSpend > 0 && medianOutcome > 0)) {
            throw new IllegalArgumentException("the priors need a positive typical spend and outcome");
        }
    }

    /** Priors centred on the data's medians (of the positive values, so that dark periods do not drag them to 0). */
    static CurvePriors scaledTo(double[] spend, double[] outcome) {
        return new CurvePriors(positiveMedian(spend), positiveMedian(outcome));
    }

    /**
     * The priors as standardised residuals {@code (g(θ) − centre) / sd}: half their sum of squares is the negative
     * log prior density up to a constant, so they join the data's residuals (divided by the noise) in one
     * least-squares problem whose minimum is the posterior mode.
     */
    Gradient[] residuals(double[] theta) {
        Gradient[] p = AdstockHill.fromFree(theta);
        Gradient logitDecay = Gradient.variable(AdstockHill.PARAMETERS, 0, theta[0]);
        Gradient logMax = Gradient.variable(AdstockHill.PARAMETERS, 1, theta[1]);
        Gradient logHalf = p[2];
        Gradient logShape = Gradient.variable(AdstockHill.PARAMETERS, 3, theta[3]);
        Gradient one = Gradient.constant(AdstockHill.PARAMETERS, 1);
        Gradient logSettledMedian = one.subtract(p[0]).log().negate().add(Math.log(medianSpend));
        return new Gradient[] {
            logitDecay.subtract(DECAY_CENTRE).divide(DECAY_SD),
            logMax.subtract(Math.log(2 * medianOutcome)).divide(MAX_RESPONSE_SD),
            logHalf.subtract(logSettledMedian).divide(HALF_SATURATION_SD),
            logShape.subtract(SHAPE_CENTRE).divide(SHAPE_SD)
        };
    }

    private static double positiveMedian(double[] values) {
        double[] positive = Arrays.stream(values).filter(v -> v > 0).sorted().toArray();
        if (positive.length == 0) {
            throw new CurveFitException("spend and outcome must not be zero throughout");
        }
        int middle = positive.length / 2;
        return positive.length % 2 == 1 ? positive[middle] : (positive[middle - 1] + positive[middle]) / 2;
    }
}
