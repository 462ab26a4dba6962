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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits an adstock + Hill {@link ResponseCurve} to a channel's spend and attributed outcome per period: the
 * posterior mode (MAP) under Gaussian noise and the weakly informative {@link CurvePriors}, as Meridian and
 * PyMC-Marketing regularise, instead of plain least squares, which on data that say little about a parameter
 * (spend that hardly varied) runs off to any value that fits a hair better.
 *
 * <p>With the noise σ fixed, the negative log posterior is half the sum of squares of the data's residuals divided
 * by σ and of the priors' standardised residuals: one least-squares problem, solved by Hipparchus'
 * Levenberg–Marquardt from a small grid of plausible curves (decay and half-saturation trade off, so there are local
 * minima), keeping the best. σ itself is taken at the joint mode, {@code σ² = SSR / n}, but never below
 * {@link #NOISE_FLOOR} of the mean outcome: the fit and σ are alternated until σ settles.
 */
public final class ResponseCurveFitter {

    /** More periods than parameters, with room left over to estimate the noise. */
    public static final int MIN_OBSERVATIONS = 8;

    /**
     * The noise is taken to be at least this share of the mean outcome. Without a floor, data that a curve can
     * follow ever more closely (smooth, overlapping averages) drive σ, and with it the priors' weight, to zero.
     */
    public static final double NOISE_FLOOR = 0.01;

    private static final double[] START_DECAYS = {0.1, 0.5, 0.8};
    private static final double[] START_HALF_SATURATION_FACTORS = {0.5, 1, 2};
    private static final double[] START_SHAPES = {1, 2.5};
    private static final int NOISE_ROUNDS = 8;

    private final LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer();

    public CurveFit fit(double[] spend, double[] outcome) {
        requireUsable(spend, outcome);
        CurvePriors priors = CurvePriors.scaledTo(spend, outcome);
        double floor = NOISE_FLOOR * Arrays.stream(outcome).average().orElseThrow();
        double noise = Math.max(floor, standardDeviation(outcome) / 10);
        LeastSquaresOptimizer.Optimum best = bestOf(spend, outcome, priors, noise, null, true);
        for (int round = 0; round < NOISE_ROUNDS; round++) {
            double settled = Math.max(floor, Math.sqrt(dataSquares(best, outcome.length, noise) / outcome.length));
            if (Math.abs(settled - noise) <= 1e-3 * noise) {
                break;
            }
            noise = settled;
            best = bestOf(spend, outcome, priors, noise, best, false);
        }
        // Once more from every start at the settled noise, in case the mode moved to another basin on the way.
        best = bestOf(spend, outcome, priors, noise, best, true);
        return summarise(best, spend, outcome, noise);
    }

    /** The posterior mode at a given noise, from the previous mode and, if asked, from every start. */
    private LeastSquaresOptimizer.Optimum bestOf(double[] spend, double[] outcome, CurvePriors priors, double noise,
                                                 LeastSquaresOptimizer.Optimum previous, boolean everyStart) {
        List<double[]> starts = new ArrayList<>();
        if (previous != null) {
            starts.add(previous.getPoint().toArray());
        }
        for (double decay : everyStart ? START_DECAYS : new double[0]) {
            for (double factor : START_HALF_SATURATION_FACTORS) {
                for (double shape : START_SHAPES) {
                    starts.add(AdstockHill.toFree(new ResponseCurve(decay, max(outcome) * 1.2,
                            factor * priors.medianSpend() / (1 - decay), shape)));
                }
            }
        }
        LeastSquaresOptimizer.Optimum best = null;
        for (double[] start : starts) {
            try {
                LeastSquaresOptimizer.Optimum optimum = optimizer.optimize(problem(spend, outcome, priors, noise, start));
                if (best == null || optimum.getCost() < best.getCost()) {
                    best = optimum;
                }
            } catch (MathRuntimeException | IllegalArgumentException diverged) {
                // A start that runs off says nothing; the others decide.
            }
        }
        if (best == null) {
            if (previous != null) {
                return previous;
            }
            throw new CurveFitException("no starting point converged to a response curve");
        }
        return best;
    }

    private static LeastSquaresProblem problem(double[] spend, double[] outcome, CurvePriors priors, double noise,
                                               double[] start) {
        double[] target = new double[outcome.length + CurvePriors.ROWS];
        for (int t = 0; t < outcome.length; t++) {
            target[t] = outcome[t] / noise;
        }
        return new LeastSquaresBuilder()
                .model(theta -> evaluate(spend, priors, noise, theta))
                .target(target)
                .start(start)
                .maxEvaluations(2_000)
                .maxIterations(2_000)
                .build();
    }

    /** The data's predictions over σ, then the priors' standardised residuals (targets 0), with their Jacobian. */
    private static Pair<RealVector, RealMatrix> evaluate(double[] spend, CurvePriors priors, double noise,
                                                         RealVector theta) {
        double[] point = theta.toArray();
        Gradient[] predicted = AdstockHill.predict(spend, AdstockHill.fromFree(point));
        Gradient[] prior = priors.residuals(point);
        int rows = predicted.length + prior.length;
        RealVector values = new ArrayRealVector(rows);
        RealMatrix jacobian = new Array2DRowRealMatrix(rows, AdstockHill.PARAMETERS);
        for (int t = 0; t < predicted.length; t++) {
            Gradient scaled = predicted[t].divide(noise);
            values.setEntry(t, scaled.getValue());
            jacobian.setRow(t, scaled.getGradient());
        }
        for (int k = 0; k < prior.length; k++) {
            values.setEntry(predicted.length + k, prior[k].getValue());
            jacobian.setRow(predicted.length + k, prior[k].getGradient());
        }
        return new Pair<>(values, jacobian);
    }

    /** The data's own sum of squared residuals, in outcome units. */
    private static double dataSquares(LeastSquaresOptimizer.Optimum optimum, int n, double noise) {
        RealVector residuals = optimum.getResiduals();
        double squares = 0;
        for (int t = 0; t < n; t++) {
            squares += residuals.getEntry(t) * residuals.getEntry(t);
        }
        return squares * noise * noise;
    }

    private static CurveFit summarise(LeastSquaresOptimizer.Optimum optimum, double[] spend, double[] outcome,
                                      double noise) {
        int n = outcome.length;
        double residualSquares = dataSquares(optimum, n, noise);
        double mean = Arrays.stream(outcome).average().orElseThrow();
        double totalSquares = Arrays.stream(outcome).map(y -> (y - mean) * (y - mean)).sum();
        // For the problem above Hipparchus returns (JᵀJ)⁻¹ with J = [data Jacobian / σ; prior Jacobian]: the inverse
        // of the Gauss–Newton Hessian of the negative log posterior at its mode, the Laplace approximation's
        // covariance. The priors keep it regular where the data alone leave a direction flat.
        double[][] covariance;
        try {
            covariance = optimum.getCovariances(1e-14).getData();
        } catch (MathRuntimeException singular) {
            throw new CurveFitException("the data and priors do not determine every curve parameter");
        }
        return new CurveFit(AdstockHill.curveOf(optimum.getPoint().toArray()), 1 - residualSquares / totalSquares,
                Math.sqrt(residualSquares / n), n, covariance, noise);
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

    private static double standardDeviation(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length);
    }
}
