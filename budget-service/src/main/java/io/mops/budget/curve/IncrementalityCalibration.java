package io.mops.budget.curve;

import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How much of each channel's attributed response is incremental, measured on the <b>total</b> outcome.
 *
 * <p>Attribution credit is not incrementality: a channel whose touchpoints sit in journeys that convert anyway is
 * credited by every model, and a curve fitted on its credit against its spend looks like a real response. What a
 * channel that causes nothing cannot do is move the total: when its spend goes up, its credit rises and the other
 * channels' credit falls by as much. So, as Meridian and Robyn calibrate their curves with lift evidence, the total
 * outcome per period {@code y_t} (what the channels' signals add up to) is regressed on each channel's
 * curve-predicted attributed response {@code f_c,t} plus an intercept (the part no curve explains):
 * <pre>
 *   y_t = α + Σ_c β_c · f_c,t + ε_t,     ε_t ~ N(0, σ²),     β_c ~ N(1, τ²),     α flat
 * </pre>
 * The prior says attribution is right ({@code β = 1}); the posterior is the conjugate Gaussian one in closed form,
 * precision {@code Λ = XᵀX/σ² + Λ₀} and mean {@code Λ⁻¹ (Xᵀy/σ² + Λ₀ m₀)}, with {@code Λ₀ = diag(0, 1/τ², …)}.
 * Only variation that moves a channel's predicted response independently of the others and of the intercept informs
 * its {@code β}: with spend that never varies the posterior of every {@code β} is exactly its prior, whatever the
 * data (the flat intercept absorbs them). Spend explorations create that variation; a channel that moves nothing
 * then gets {@code β → 0}.
 *
 * <p>{@code σ} is not known: it is taken at the posterior mean, {@code σ² = SSR / (n − 1 − k)}, alternating with the
 * posterior until it settles, and never below 1 % of the mean total (as the curve fitter's noise floor, so that a
 * total the curves follow closely cannot drive the prior's weight to zero). The posterior is therefore conditional
 * on that {@code σ}, as the curves' Laplace approximation is.
 */
public final class IncrementalityCalibration {

    /** The relative floor of the noise, as in {@link ResponseCurveFitter#NOISE_FLOOR}. */
    static final double NOISE_FLOOR = 0.01;
    private static final int MAX_ROUNDS = 100;

    private final double priorSd;
    private final int minPeriods;

    /**
     * @param priorSd    {@code τ}, the prior standard deviation of each factor around 1
     * @param minPeriods fewer periods than this (or than the parameters plus two) leave every factor at its prior
     */
    public IncrementalityCalibration(double priorSd, int minPeriods) {
        if (!(priorSd > 0) || !Double.isFinite(priorSd)) {
            throw new IllegalArgumentException("the prior standard deviation must be a positive number");
        }
        this.priorSd = priorSd;
        this.minPeriods = minPeriods;
    }

    /**
     * One channel's incremental factor: how much of its curve's attributed response the total outcome bears out.
     *
     * @param mean posterior mean of {@code β}
     * @param sd   posterior standard deviation of {@code β}
     */
    public record Factor(String channel, double mean, double sd) {

        /** The lower end of the 90 % interval. */
        public double lower90() {
            return mean - Identifiability.Z90 * sd;
        }

        /** The upper end of the 90 % interval. */
        public double upper90() {
            return mean + Identifiability.Z90 * sd;
        }

        /** What the optimiser multiplies the curve by: the posterior mean, never below zero. */
        public double applied() {
            return Math.max(0, mean);
        }

        /** What an approver reads: "display: incremental factor 0.05 (90 % -0.12–0.22)". */
        public String describe() {
            return String.format(Locale.ROOT, "%s: incremental factor %.2f (90 %% %.2f to %.2f)", channel, mean,
                    lower90(), upper90());
        }
    }

    /**
     * @param factors   per channel, in the order given
     * @param periods   the periods the total was measured over
     * @param informed  whether the data were used; false: too few periods, every factor is its prior
     * @param intercept posterior mean of {@code α}, the total no curve explains (0 when not informed)
     * @param noise     the {@code σ} the posterior is conditional on (0 when not informed)
     */
    public record Result(Map<String, Factor> factors, int periods, boolean informed, double intercept, double noise) {

        public Result {
            factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        }
    }

    /**
     * @param total     the total outcome per period, oldest first
     * @param predicted per channel (in a stable order), its curve's predicted attributed response in the same periods
     */
    public Result calibrate(double[] total, Map<String, double[]> predicted) {
        Objects.requireNonNull(total, "total");
        List<String> channels = new ArrayList<>(predicted.keySet());
        int n = total.length;
        int k = channels.size();
        for (String channel : channels) {
            if (predicted.get(channel).length != n) {
                throw new IllegalArgumentException(channel + " has " + predicted.get(channel).length
                        + " predicted periods, the total " + n);
            }
        }
        if (k == 0 || n < Math.max(minPeriods, k + 3)) {
            return prior(channels, n);
        }
        double[][] rows = new double[n][k];
        for (int t = 0; t < n; t++) {
            for (int c = 0; c < k; c++) {
                rows[t][c] = predicted.get(channels.get(c))[t];
            }
        }
        RealMatrix x = design(rows);
        RealVector y = MatrixUtils.createRealVector(total);
        RealMatrix priorPrecision = priorPrecision(k);
        RealVector priorMean = priorMean(k);
        double meanTotal = 0;
        for (double v : total) {
            meanTotal += Math.abs(v) / n;
        }
        double floor = Math.max(NOISE_FLOOR * meanTotal, Double.MIN_NORMAL);
        // Start from the prior's reading: the spread of what the uncalibrated curves leave unexplained.
        double sigma = Math.max(floor, Math.sqrt(sumOfSquares(y.subtract(x.operate(priorMean)).mapSubtract(
                mean(y.subtract(x.operate(priorMean))))) / (n - 1)));
        Posterior posterior = posterior(x, y, priorPrecision, priorMean, sigma);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            double next = Math.max(floor, Math.sqrt(sumOfSquares(y.subtract(x.operate(posterior.mean())))
                    / (n - 1 - k)));
            boolean settled = Math.abs(next - sigma) <= 1e-9 * sigma;
            sigma = next;
            posterior = posterior(x, y, priorPrecision, priorMean, sigma);
            if (settled) {
                break;
            }
        }
        Map<String, Factor> factors = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            factors.put(channels.get(c), new Factor(channels.get(c), posterior.mean().getEntry(c + 1),
                    Math.sqrt(posterior.covariance().getEntry(c + 1, c + 1))));
        }
        return new Result(factors, n, true, posterior.mean().getEntry(0), sigma);
    }

    /** The posterior with a known noise: exposed for the hand-computed check. */
    public record Posterior(RealVector mean, RealMatrix covariance) {
    }

    static Posterior posterior(RealMatrix x, RealVector y, RealMatrix priorPrecision, RealVector priorMean,
                               double sigma) {
        double precision = 1 / (sigma * sigma);
        RealMatrix lambda = x.transpose().multiply(x).scalarMultiply(precision).add(priorPrecision);
        RealVector b = x.transpose().operate(y).mapMultiply(precision).add(priorPrecision.operate(priorMean));
        DecompositionSolver solver = new CholeskyDecomposition(lambda, 1e-12, 1e-14).getSolver();
        return new Posterior(solver.solve(b), solver.getInverse());
    }

    /**
     * The posterior of {@code (α, β₁, …, β_k)} for a known {@code σ}: the closed form alone, for checks by hand.
     *
     * @param predicted one row per period, one column per channel
     */
    public Posterior posterior(double[] total, double[][] predicted, double sigma) {
        int k = predicted[0].length;
        return posterior(design(predicted), MatrixUtils.createRealVector(total), priorPrecision(k), priorMean(k),
                sigma);
    }

    /** A column of ones for the intercept, then one column per channel. */
    private static RealMatrix design(double[][] predicted) {
        int n = predicted.length;
        int k = n == 0 ? 0 : predicted[0].length;
        RealMatrix x = MatrixUtils.createRealMatrix(n, k + 1);
        for (int t = 0; t < n; t++) {
            x.setEntry(t, 0, 1);
            for (int c = 0; c < k; c++) {
                x.setEntry(t, c + 1, predicted[t][c]);
            }
        }
        return x;
    }

    /** {@code Λ₀ = diag(0, 1/τ², …)}: nothing on the intercept (flat), {@code 1/τ²} on each factor. */
    private RealMatrix priorPrecision(int k) {
        RealMatrix precision = MatrixUtils.createRealMatrix(k + 1, k + 1);
        for (int c = 1; c <= k; c++) {
            precision.setEntry(c, c, 1 / (priorSd * priorSd));
        }
        return precision;
    }

    /** {@code m₀ = (0, 1, …, 1)}: the intercept's entry is ignored, its prior precision being 0. */
    private static RealVector priorMean(int k) {
        RealVector mean = MatrixUtils.createRealVector(new double[k + 1]);
        for (int c = 1; c <= k; c++) {
            mean.setEntry(c, 1);
        }
        return mean;
    }

    private Result prior(List<String> channels, int periods) {
        Map<String, Factor> factors = new LinkedHashMap<>();
        for (String channel : channels) {
            factors.put(channel, new Factor(channel, 1, priorSd));
        }
        return new Result(factors, periods, false, 0, 0);
    }

    private static double mean(RealVector v) {
        double sum = 0;
        for (int i = 0; i < v.getDimension(); i++) {
            sum += v.getEntry(i);
        }
        return sum / v.getDimension();
    }

    private static double sumOfSquares(RealVector v) {
        return v.dotProduct(v);
    }
}
