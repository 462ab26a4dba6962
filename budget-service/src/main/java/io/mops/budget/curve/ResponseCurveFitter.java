package io.mops.budget.curve;

import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

import java.util.Arrays;

/**
 * Fits an adstock + Hill {@link ResponseCurve} to a channel's spend and attributed outcome per period, by
 * nonlinear least squares (Hipparchus Levenberg–Marquardt). The sum of squares has several local minima (decay
 * and half-saturation trade off against each other), so the fit starts from a small grid of plausible curves
 * and keeps the best.
 */
public final class ResponseCurveFitter {

    /** More periods than parameters, with room left over to estimate the noise. */
    public static final int MIN_OBSERVATIONS = 8;

    private static final double[] START_DECAYS = {0.1, 0.5, 0.8};
    private static final double[] START_HALF_SATURATION_FACTORS = {0.5, 1, 2};
    private static final double[] START_SHAPES = {1, 2.5};

    private final LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer();

    public CurveFit fit(double[] spend, double[] outcome) {
        requireUsable(spend, outcome);
        LeastSquaresOptimizer.Optimum best = null;
        for (double decay : START_DECAYS) {
            for (double factor : START_HALF_SATURATION_FACTORS) {
                for (double shape : START_SHAPES) {
                    ResponseCurve start = new ResponseCurve(decay, max(outcome) * 1.2,
                            factor * median(spend) / (1 - decay), shape);
                    try {
                        LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(problem(spend, outcome, start));
                        if (best == null || optimum.getCost() < best.getCost()) {
                            best = optimum;
                        }
                    } catch (MathRuntimeException | IllegalArgumentException diverged) {
                        // A start that runs off (decay to 1, saturation to infinity) says nothing; the others decide.
                    }
                }
            }
        }
        if (best == null) {
            throw new CurveFitException("no starting point converged to a response curve");
        }
        return summarise(best, outcome);
    }

    private static LeastSquaresProblem problem(double[] spend, double[] outcome, ResponseCurve start) {
        return new LeastSquaresBuilder()
                .model(theta -> evaluate(spend, theta))
                .target(outcome)
                .start(AdstockHill.toFree(start))
                .maxEvaluations(2_000)
                .maxIterations(2_000)
                .build();
    }

    private static Pair<RealVector, RealMatrix> evaluate(double[] spend, RealVector theta) {
        Gradient[] predicted = AdstockHill.predict(spend, AdstockHill.fromFree(theta.toArray()));
        RealVector values = new ArrayRealVector(predicted.length);
        RealMatrix jacobian = new Array2DRowRealMatrix(predicted.length, AdstockHill.PARAMETERS);
        for (int t = 0; t < predicted.length; t++) {
            values.setEntry(t, predicted[t].getValue());
            jacobian.setRow(t, predicted[t].getGradient());
        }
        return new Pair<>(values, jacobian);
    }

    private static CurveFit summarise(LeastSquaresOptimizer.Optimum optimum, double[] outcome) {
        int n = outcome.length;
        double residualSquares = optimum.getResiduals().dotProduct(optimum.getResiduals());
        double mean = Arrays.stream(outcome).average().orElseThrow();
        double totalSquares = Arrays.stream(outcome).map(y -> (y - mean) * (y - mean)).sum();
        // Hipparchus returns (JᵀJ)⁻¹ for unit weights; the residual variance turns it into the parameters' covariance.
        double residualVariance = residualSquares / (n - AdstockHill.PARAMETERS);
        double[][] covariance;
        try {
            covariance = optimum.getCovariances(1e-14).scalarMultiply(residualVariance).getData();
        } catch (MathRuntimeException singular) {
            throw new CurveFitException("the data do not determine every curve parameter (singular Jacobian)");
        }
        return new CurveFit(AdstockHill.curveOf(optimum.getPoint().toArray()), 1 - residualSquares / totalSquares,
                Math.sqrt(residualSquares / n), n, covariance);
    }

    private static void requireUsable(double[] spend, double[] outcome) {
        if (spend.length != outcome.length) {
            throw new CurveFitException("spend has " + spend.length + " periods but outcome has " + outcome.length);
        }
        if (spend.length < MIN_OBSERVATIONS) {
            throw new CurveFitException("a response curve needs at least " + MIN_OBSERVATIONS + " periods, got "
                    + spend.length);
        }
        if (Arrays.stream(spend).anyMatch(x -> x < 0 || !Double.isFinite(x))
                || Arrays.stream(outcome).anyMatch(y -> y < 0 || !Double.isFinite(y))) {
            throw new CurveFitException("spend and outcome must be finite and not negative");
        }
        if (max(spend) == Arrays.stream(spend).min().orElseThrow()) {
            throw new CurveFitException("spend never varied, so its effect cannot be told apart");
        }
        if (max(outcome) == Arrays.stream(outcome).min().orElseThrow()) {
            throw new CurveFitException("outcome never varied, so there is nothing to explain");
        }
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double m = sorted[sorted.length / 2];
        return m > 0 ? m : max(values);
    }
}
