package io.mops.testing.statistics;

/**
 * Always-valid test, allocation period by allocation period, of "the challenger is at least as good as the leader
 * in every period" — the null hypothesis that a bandit must reject before it may stop the challenger for good, or
 * before it may call the leader the winner over it.
 * <p>
 * Each period contributes its own evidence, and nothing is pooled across periods, so a base rate that moves over
 * time (weekdays, a promotion building up) while the bandit moves the shares cannot bias it: the null only says
 * that in every period the challenger converts at least as well as the leader, whatever either rate is.
 * <p>
 * <b>Conversion rates (exact).</b> In period {@code p} the challenger has {@code n_c} units and the leader
 * {@code n_l}, and together they converted {@code T} times, {@code k} of them the leader's. Given the counts and
 * {@code T}, {@code k} follows Fisher's noncentral hypergeometric distribution, which does not depend on the
 * period's base rate and, under the null (odds ratio of leader to challenger at most 1), is stochastically no
 * larger than the central hypergeometric. Sampling without replacement is dominated in convex order by sampling
 * with replacement (Hoeffding, 1963), so with {@code pi = n_l / (n_c + n_l)} and any {@code t >= 0}
 * <pre>  E_p(t) = exp(t k) / (1 - pi + pi e^t)^T</pre>
 * has conditional expectation at most 1 under the null, whatever the rates. The product over periods is a
 * nonnegative supermartingale, and so is a fixed mixture of such products over {@code t}. By Ville's inequality
 * the chance that the mixture ever reaches {@code 1 / alpha} under the null is at most {@code alpha}: the reported
 * p-value {@code min(1, 1 / mixture)} is valid at every look at once. {@code e^t} is the leader's conversion rate
 * relative to the challenger's the test is tuned to: the mixture puts equal weight on 17 values of {@code t} from
 * 0.005 to 1.28 (lifts of 0.5 % to 260 %), spaced by a factor of the square root of 2.
 * <p>
 * <b>Means (approximate).</b> Per period the difference of means {@code D} (leader minus challenger) is taken as
 * Normal with the unpooled variance {@code V}; {@code exp((theta D - theta^2 / 2) / V)} has expectation at most 1
 * whenever the true difference is at most 0 and {@code theta >= 0}. {@code theta} is the same grid of 17 values
 * in units of the period's pooled standard deviation. Plug-in variances make this approximate, like every test
 * of a mean here.
 * <p>
 * Hand-written: no library offers e-values for this composite, drifting null; the arithmetic is a few logarithms
 * per period.
 */
public final class SuperiorityTest {

    /** The lifts (as logarithms for rates, as standardised effects for means) the mixture is spread over. */
    private static final double[] EFFECTS = new double[17];
    private static final double LOG_OF_EFFECTS = Math.log(EFFECTS.length);

    static {
        for (int g = 0; g < EFFECTS.length; g++) {
            EFFECTS[g] = 0.005 * Math.pow(2.0, g / 2.0);
        }
    }

    private SuperiorityTest() {
    }

    /**
     * @param challengerExposures   per period, the challenger's exposed units
     * @param challengerConversions per period, its converted units
     * @param leaderExposures       per period, the leader's exposed units
     * @param leaderConversions     per period, its converted units
     * @return the evidence against "the challenger converts at least as well as the leader in every period"
     */
    public static Evidence forConversions(long[] challengerExposures, long[] challengerConversions,
                                        long[] leaderExposures, long[] leaderConversions) {
        int periods = requireAligned(challengerExposures.length, challengerConversions.length, leaderExposures.length,
                leaderConversions.length);
        double[] logEvidence = new double[EFFECTS.length];
        for (int p = 0; p < periods; p++) {
            long challengerUnits = challengerExposures[p];
            long leaderUnits = leaderExposures[p];
            if (challengerConversions[p] < 0 || challengerConversions[p] > challengerUnits
                    || leaderConversions[p] < 0 || leaderConversions[p] > leaderUnits) {
                throw new IllegalArgumentException("need 0 <= conversions <= exposures in period " + p);
            }
            long conversions = challengerConversions[p] + leaderConversions[p];
            if (challengerUnits == 0 || leaderUnits == 0 || conversions == 0) {
                continue;
            }
            double leaderShare = (double) leaderUnits / (challengerUnits + leaderUnits);
            for (int g = 0; g < EFFECTS.length; g++) {
                double t = EFFECTS[g];
                logEvidence[g] += t * leaderConversions[p] - conversions * Math.log1p(leaderShare * Math.expm1(t));
            }
        }
        return Evidence.mixing(logEvidence);
    }

    /**
     * Per period: units, sum of the units' values and sum of their squares, of the challenger and of the leader.
     *
     * @return the evidence against "the challenger's mean is at least the leader's in every period"
     */
    public static Evidence forMeans(long[] challengerUnits, double[] challengerSums, double[] challengerSumsOfSquares,
                                  long[] leaderUnits, double[] leaderSums, double[] leaderSumsOfSquares) {
        int periods = requireAligned(challengerUnits.length, challengerSums.length, challengerSumsOfSquares.length,
                leaderUnits.length, leaderSums.length, leaderSumsOfSquares.length);
        double[] logEvidence = new double[EFFECTS.length];
        for (int p = 0; p < periods; p++) {
            SampleSummary challenger = SampleSummary.ofSums(challengerUnits[p], challengerSums[p],
                    challengerSumsOfSquares[p]);
            SampleSummary leader = SampleSummary.ofSums(leaderUnits[p], leaderSums[p], leaderSumsOfSquares[p]);
            if (challenger.units() < 2 || leader.units() < 2) {
                continue;
            }
            double variance = challenger.varianceOfMean() + leader.varianceOfMean();
            double pooledVariance = ((challenger.units() - 1) * square(challenger.standardDeviation())
                    + (leader.units() - 1) * square(leader.standardDeviation()))
                    / (challenger.units() + leader.units() - 2);
            if (!(variance > 0) || !(pooledVariance > 0)) {
                continue;
            }
            double difference = leader.mean() - challenger.mean();
            double scale = Math.sqrt(pooledVariance);
            for (int g = 0; g < EFFECTS.length; g++) {
                double theta = EFFECTS[g] * scale;
                logEvidence[g] += (theta * difference - theta * theta / 2.0) / variance;
            }
        }
        return Evidence.mixing(logEvidence);
    }

    /**
     * The mixture over the grid of effects.
     *
     * @param logValue the logarithm of the e-value (the mixture), which may exceed what a double holds
     */
    public record Evidence(double logValue) {

        static Evidence mixing(double[] logEvidence) {
            double largest = Double.NEGATIVE_INFINITY;
            for (double log : logEvidence) {
                largest = Math.max(largest, log);
            }
            double sum = 0.0;
            for (double log : logEvidence) {
                sum += Math.exp(log - largest);
            }
            return new Evidence(largest + Math.log(sum) - LOG_OF_EFFECTS);
        }

        /** The e-value: its expectation is at most 1 under the null, at every look. */
        public double value() {
            return Math.exp(logValue);
        }

        /** The always-valid p-value {@code min(1, 1 / e-value)}: 0 once the evidence is beyond a double. */
        public double pValue() {
            return logValue <= 0.0 ? 1.0 : Math.exp(-logValue);
        }
    }

    private static int requireAligned(int... lengths) {
        for (int length : lengths) {
            if (length != lengths[0]) {
                throw new IllegalArgumentException("need one figure per period for both variants");
            }
        }
        return lengths[0];
    }

    private static double square(double x) {
        return x * x;
    }
}
