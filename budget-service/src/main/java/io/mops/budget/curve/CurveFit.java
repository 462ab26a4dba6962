package io.mops.budget.curve;

import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;

import java.util.Arrays;

/**
 * A fitted response curve with how well it explains the data it was fitted to.
 *
 * @param rSquared share of the outcome's variance the curve explains
 * @param rmse root mean squared error of the fitted outcomes, in outcome units
 * @param freeParameterCovariance posterior covariance of the fitter's free parameters (see {@link AdstockHill}): the
 *                                inverse Hessian of the negative log posterior at its mode; the source of every
 *                                uncertainty the curve reports
 * @param noise the standard deviation of the outcome around the curve the fit assumed (see
 *              {@link ResponseCurveFitter#NOISE_FLOOR})
 */
public record CurveFit(ResponseCurve curve, double rSquared, double rmse, int observations,
                       double[][] freeParameterCovariance, double noise) {

    /** A fit whose noise is its RMSE; with a zero covariance, a curve taken as known. */
    public CurveFit(ResponseCurve curve, double rSquared, double rmse, int observations,
                    double[][] freeParameterCovariance) {
        this(curve, rSquared, rmse, observations, freeParameterCovariance, rmse);
    }

    /**
     * This curve with its response multiplied by {@code factor} (its incremental share, see
     * {@link IncrementalityCalibration}). Only the maximum response scales, so the posterior covariance of the free
     * parameters, in which it appears as a logarithm, is the same: relative uncertainties do not change. The fit's
     * R², RMSE and noise still describe the attributed data it was fitted to. A factor of zero is kept a hair above
     * it, so that the curve stays a curve; its money then earns nothing worth keeping.
     */
    public CurveFit scaledBy(double factor) {
        if (!(factor >= 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("a curve is scaled by a finite factor >= 0, not " + factor);
        }
        ResponseCurve scaled = new ResponseCurve(curve.adstockDecay(), curve.maxResponse() * Math.max(factor, 1e-6),
                curve.halfSaturation(), curve.shape());
        return new CurveFit(scaled, rSquared, rmse, observations, freeParameterCovariance, noise);
    }

    /**
     * The response to a budget spread evenly over {@code periods} of the periods the curve was fitted on (a
     * 30-day budget on a daily curve: 30): {@code outcome(B) = periods · f(B / periods)}.
     */
    public SpendResponse overPeriods(double periods) {
        if (!(periods > 0)) {
            throw new IllegalArgumentException("periods must be positive");
        }
        return new SpendResponse() {
            @Override
            public double outcome(double spend) {
                return periods * curve.steadyStateOutcome(spend / periods);
            }

            @Override
            public double marginalReturn(double spend) {
                return curve.marginalReturn(spend / periods);
            }

            @Override
            public double concaveFrom() {
                return periods * curve.concaveFrom();
            }

            @Override
            public double outcomeChangeStandardError(double from, double to) {
                return periods * CurveFit.this.outcomeChangeStandardError(from / periods, to / periods);
            }
        };
    }

    /**
     * Standard error of the change in steady-state outcome when spend per period moves from {@code from} to
     * {@code to}, by the delta method: the change's gradient in the free parameters against their covariance.
     */
    public double outcomeChangeStandardError(double from, double to) {
        if (isKnown()) {
            return 0;
        }
        Gradient[] p = AdstockHill.fromFree(AdstockHill.toFree(curve));
        return standardError(AdstockHill.steadyState(to, p).subtract(AdstockHill.steadyState(from, p)));
    }

    /** Standard error of the marginal return at a sustained spend per period, by the delta method. */
    public double marginalReturnStandardError(double spendPerPeriod) {
        if (!(spendPerPeriod > 0)) {
            throw new IllegalArgumentException("the marginal return's error is judged at a positive spend");
        }
        if (isKnown()) {
            return 0;
        }
        return standardError(AdstockHill.marginalReturn(spendPerPeriod, AdstockHill.fromFree(AdstockHill.toFree(curve))));
    }

    /** Standard error of {@link ResponseCurve#marginalReturnSlope}, by the delta method. */
    public double marginalReturnSlopeStandardError(double spendPerPeriod) {
        if (isKnown()) {
            return 0;
        }
        return standardError(AdstockHill.marginalReturnSlope(spendPerPeriod,
                AdstockHill.fromFree(AdstockHill.toFree(curve))));
    }

    /** A curve taken as known; its decay may be exactly 0, which the free parameters cannot express. */
    private boolean isKnown() {
        return Arrays.stream(freeParameterCovariance).flatMapToDouble(Arrays::stream).allMatch(c -> c == 0);
    }

    private double standardError(Gradient quantity) {
        RealMatrix g = MatrixUtils.createColumnRealMatrix(quantity.getGradient());
        double variance = g.transpose().multiply(MatrixUtils.createRealMatrix(freeParameterCovariance)).multiply(g)
                .getEntry(0, 0);
        return Math.sqrt(Math.max(0, variance));
    }
}
