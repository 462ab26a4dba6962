package io.mops.testing.statistics;

/**
 * The mixture sequential probability ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh, "Always valid
 * inference" (Operations Research, 2022), for the difference between a variant and the control.
 * <p>
 * The estimated difference {@code d} is approximately Normal(theta, V) with {@code V} the sum of both arms'
 * variances of the mean. Mixing the alternative over {@code theta ~ Normal(0, tau^2)} gives the likelihood ratio
 * <pre>  Lambda = sqrt(V / (V + tau^2)) * exp(tau^2 d^2 / (2 V (V + tau^2)))</pre>
 * and, by Ville's inequality, {@code P(Lambda ever reaches 1/alpha | no difference) <= alpha}. The always-valid
 * p-value is the running minimum of {@code min(1, 1/Lambda)} over every look so far ({@link #runningMinimum}); it
 * may be read after every exposure without inflating false positives.
 * <p>
 * {@code tau} is the size of difference the test is tuned to find quickly. Ville's inequality needs it fixed
 * before the data it mixes over: a {@code tau} re-derived from the observed means at every look is a different
 * martingale at every look. Callers fix it when the experiment starts ({@code SequentialPlan}).
 */
public final class MixtureSequentialTest {

    private MixtureSequentialTest() {
    }

    /**
     * @param difference         variant minus control
     * @param varianceOfEstimate variance of {@code difference} (sum of the two arms' variances of the mean)
     * @param tau                standard deviation of the mixing distribution over true differences
     * @return {@code min(1, 1/Lambda)} at this look
     */
    public static double alwaysValidPValue(double difference, double varianceOfEstimate, double tau) {
        requireTau(tau);
        if (!(varianceOfEstimate > 0) || Double.isInfinite(varianceOfEstimate)) {
            return 1.0;
        }
        double tauSquared = tau * tau;
        double sum = varianceOfEstimate + tauSquared;
        double logLikelihoodRatio = 0.5 * Math.log(varianceOfEstimate / sum)
                + tauSquared * difference * difference / (2 * varianceOfEstimate * sum);
        return Math.min(1.0, Math.exp(-logLikelihoodRatio));
    }

    /** The p-value to report at this look: never above any reported before ({@code previous} null at the first). */
    public static double runningMinimum(Double previous, double now) {
        return previous == null ? now : Math.min(previous, now);
    }

    /**
     * For conversion rates, with each arm's variance of the mean estimated as {@code p (1 - p) / n}. Counts may be
     * effective (period-weighted) counts, hence doubles.
     */
    public static double forProportions(double controlConversions, double controlExposures,
                                        double variantConversions, double variantExposures, double tau) {
        if (!(controlExposures > 0) || !(variantExposures > 0)) {
            return 1.0;
        }
        double controlRate = controlConversions / controlExposures;
        double variantRate = variantConversions / variantExposures;
        double variance = controlRate * (1 - controlRate) / controlExposures
                + variantRate * (1 - variantRate) / variantExposures;
        return alwaysValidPValue(variantRate - controlRate, variance, tau);
    }

    /** For means of a continuous metric, with {@code tau} in the metric's unit. */
    public static double forMeans(SampleSummary control, SampleSummary variant, double tau) {
        if (control.units() < 2 || variant.units() < 2) {
            return 1.0;
        }
        return alwaysValidPValue(variant.mean() - control.mean(), control.varianceOfMean() + variant.varianceOfMean(),
                tau);
    }

    /**
     * For means of a continuous metric with {@code tau} in standard deviations of the per-unit value (pooled over
     * both arms): the mixture is over the standardised effect, so no scale of the metric has to be known in advance.
     */
    public static double forStandardisedMeans(SampleSummary control, SampleSummary variant, double tauInSd) {
        if (control.units() < 2 || variant.units() < 2) {
            return 1.0;
        }
        double pooledVariance = ((control.units() - 1) * square(control.standardDeviation())
                + (variant.units() - 1) * square(variant.standardDeviation()))
                / (control.units() + variant.units() - 2);
        if (!(pooledVariance > 0)) {
            return 1.0;
        }
        return alwaysValidPValue(variant.mean() - control.mean(), control.varianceOfMean() + variant.varianceOfMean(),
                tauInSd * Math.sqrt(pooledVariance));
    }

    /**
     * The distance {@code h} from the estimate at which {@code 1/Lambda} equals {@code alpha}: the always-valid
     * confidence bound {@code estimate +- h} of a mean with variance {@code varianceOfEstimate}.
     * {@code h^2 = 2 V (V + tau^2) / tau^2 * (ln(1/alpha) + ln(sqrt((V + tau^2) / V)))}.
     */
    public static double halfWidth(double varianceOfEstimate, double tau, double alpha) {
        requireTau(tau);
        if (!(varianceOfEstimate > 0)) {
            return varianceOfEstimate == 0.0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(varianceOfEstimate)) {
            return Double.POSITIVE_INFINITY;
        }
        double tauSquared = tau * tau;
        double sum = varianceOfEstimate + tauSquared;
        double log = -Math.log(alpha) + 0.5 * Math.log(sum / varianceOfEstimate);
        return Math.sqrt(2 * varianceOfEstimate * sum / tauSquared * log);
    }

    private static void requireTau(double tau) {
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be positive and finite, was " + tau);
        }
    }

    private static double square(double x) {
        return x * x;
    }
}
