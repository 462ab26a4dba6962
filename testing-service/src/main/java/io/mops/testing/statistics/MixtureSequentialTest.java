package io.mops.testing.statistics;

/**
 * The mixture sequential probability ratio test (mSPRT) of Johari, Koomen, Pekelis and Walsh, "Always valid
 * inference" (Operations Research, 2022), for the difference between a variant and the control.
 * <p>
 * The estimated difference {@code d} is approximately Normal(theta, V) with {@code V} the sum of both arms'
 * variances of the mean. Mixing the alternative over {@code theta ~ Normal(0, tau^2)} gives the likelihood ratio
 * <pre>  Lambda = sqrt(V / (V + tau^2)) * exp(tau^2 d^2 / (2 V (V + tau^2)))</pre>
 * and, by Ville's inequality, {@code P(Lambda ever reaches 1/alpha | no difference) <= alpha}: the p-value
 * {@code min(1, 1/Lambda)} may be looked at after every exposure without inflating false positives. Reported at a
 * single look (we keep no history), it is at least the running minimum of the paper and therefore conservative.
 * <p>
 * {@code tau} is the size of difference the test is tuned to find quickly; the test stays valid for any choice.
 */
public final class MixtureSequentialTest {

    private MixtureSequentialTest() {
    }

    /**
     * @param difference         variant minus control
     * @param varianceOfEstimate variance of {@code difference} (sum of the two arms' variances of the mean)
     * @param tau                standard deviation of the mixing distribution over true differences
     * @return the always-valid p-value
     */
    public static double alwaysValidPValue(double difference, double varianceOfEstimate, double tau) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("tau must be positive, was " + tau);
        }
        if (!(varianceOfEstimate > 0) || Double.isInfinite(varianceOfEstimate)) {
            return 1.0;
        }
        double tauSquared = tau * tau;
        double sum = varianceOfEstimate + tauSquared;
        double logLikelihoodRatio = 0.5 * Math.log(varianceOfEstimate / sum)
                + tauSquared * difference * difference / (2 * varianceOfEstimate * sum);
        return Math.min(1.0, Math.exp(-logLikelihoodRatio));
    }

    /** For conversion rates, with each arm's variance of the mean estimated as {@code p (1 - p) / n}. */
    public static double forProportions(long controlConversions, long controlExposures,
                                        long variantConversions, long variantExposures, double tau) {
        if (controlExposures == 0 || variantExposures == 0) {
            return 1.0;
        }
        double controlRate = (double) controlConversions / controlExposures;
        double variantRate = (double) variantConversions / variantExposures;
        double variance = controlRate * (1 - controlRate) / controlExposures
                + variantRate * (1 - variantRate) / variantExposures;
        return alwaysValidPValue(variantRate - controlRate, variance, tau);
    }

    /** For means of a continuous metric. */
    public static double forMeans(SampleSummary control, SampleSummary variant, double tau) {
        if (control.units() < 2 || variant.units() < 2) {
            return 1.0;
        }
        return alwaysValidPValue(variant.mean() - control.mean(), control.varianceOfMean() + variant.varianceOfMean(),
                tau);
    }
}
