package io.mops.testing.statistics;

import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.rootfinder.BrentSolver;

import java.util.function.DoubleUnaryOperator;

/**
 * Anytime-valid confidence bounds ("confidence sequences"): with probability at least {@code 1 - alpha} the true
 * value lies between the bounds at every look at once, however often and whenever the data are read. That is what
 * a permanent decision taken at some look of our choosing (stopping a variant) needs; an ordinary interval holds
 * only at one look fixed in advance.
 * <p>
 * Both bounds come from a nonnegative martingale and Ville's inequality ({@code P(sup M >= 1/alpha) <= alpha}):
 * <ul>
 *   <li>conversion rates: Robbins' Beta mixture. With a uniform mixing distribution the likelihood-ratio martingale
 *   against a rate {@code p} is {@code 1 / posterior density(p)} of Beta(1 + c, 1 + n - c), so the set of rates
 *   whose posterior density still exceeds {@code alpha} is exact for Bernoulli outcomes at any sample size. Each
 *   unit's outcome only has to be a Bernoulli draw of the variant's rate; the units may come at any pace the
 *   bandit chooses.</li>
 *   <li>means of a continuous metric: the Normal mixture of {@link MixtureSequentialTest}, with the variance of
 *   the mean plugged in (approximate, like every test of a mean here).</li>
 * </ul>
 */
public final class ConfidenceSequence {

    private static final BrentSolver SOLVER = new BrentSolver(1e-14, 1e-15, 1e-12);
    /** The open interval (0, 1) as doubles see it: the logarithms stay finite inside. */
    private static final double SMALLEST = Double.MIN_NORMAL;
    private static final double LARGEST = 1.0 - 0x1p-53;

    private ConfidenceSequence() {
    }

    /** Lower and upper bound. */
    public record Bounds(double low, double high) {

        public boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /**
     * @param conversions units that converted
     * @param exposures   exposed units
     * @param alpha       chance that the true rate leaves the bounds at some look
     */
    public static Bounds forConversionRate(long conversions, long exposures, double alpha) {
        if (conversions < 0 || exposures < conversions) {
            throw new IllegalArgumentException("need 0 <= conversions <= exposures, got " + conversions + " of "
                    + exposures);
        }
        requireLevel(alpha);
        double a = 1.0 + conversions;
        double b = 1.0 + exposures - conversions;
        double logAlpha = Math.log(alpha);
        double logNormaliser = LogBeta.value(a, b);
        // log posterior density minus log alpha: positive inside the bounds. It is concave, so one root each side.
        DoubleUnaryOperator excess = p -> (a - 1.0) * Math.log(p) + (b - 1.0) * Math.log1p(-p) - logNormaliser
                - logAlpha;
        double mode = Math.clamp(exposures == 0 ? 0.5 : (double) conversions / exposures, SMALLEST, LARGEST);
        double low = 0.0;
        if (conversions > 0 && excess.applyAsDouble(SMALLEST) < 0) {
            low = SOLVER.findRoot(excess, SMALLEST, mode);
        }
        double high = 1.0;
        if (conversions < exposures && excess.applyAsDouble(LARGEST) < 0) {
            high = SOLVER.findRoot(excess, mode, LARGEST);
        }
        return new Bounds(low, high);
    }

    /**
     * @param mean           the sample mean
     * @param varianceOfMean its variance ({@code sd^2 / n})
     * @param tau            the mixing scale: the bounds are narrowest where {@code varianceOfMean} is near
     *                       {@code tau^2} divided by a few
     */
    public static Bounds forMean(double mean, double varianceOfMean, double tau, double alpha) {
        requireLevel(alpha);
        double halfWidth = MixtureSequentialTest.halfWidth(varianceOfMean, tau, alpha);
        return new Bounds(mean - halfWidth, mean + halfWidth);
    }

    private static void requireLevel(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1), was " + alpha);
        }
    }
}
