package io.mops.testing.statistics;

/**
 * Combines a variant's data over allocation periods with the same fixed weights for every variant, as GrowthBook's
 * bandits do ("weight by period").
 * <p>
 * A bandit changes the traffic shares at every re-weighting. When the base rate moves over time as well (weekdays,
 * a promotion starting, paydays), the plain pooled rate of a variant that received most of its units in a good
 * period is inflated against one that received them in a bad period: Simpson's paradox, and it favours exactly the
 * variants the bandit already favours. Estimating each variant per period and weighting period {@code p} by its
 * share of all units, {@code w_p = units of every variant in p / all units}, gives every variant the same mix of
 * periods, so a base rate that moves for all variants alike cancels out of every comparison.
 * <p>
 * For a variant with {@code n_p} units in the periods it was shown in:
 * <pre>
 *   mean            = sum_p w_p mean_p / W,                         W = sum_p w_p
 *   effective units = W^2 / sum_p (w_p^2 / n_p)                     (Kish's effective sample size)
 *   variance        = spread^2 / effective units
 * </pre>
 * with the spread {@code p (1 - p)} of the weighted rate for conversions and the within-period pooled variance
 * for values. With a single period, or a variant whose share never changed, these are exactly the pooled mean and
 * count, so nothing changes for an experiment that was never re-weighted.
 */
public final class PeriodWeights {

    private final double[] weights;

    private PeriodWeights(double[] weights) {
        this.weights = weights;
    }

    /** @param unitsPerPeriod units of all variants together in each period, oldest first */
    public static PeriodWeights of(long[] unitsPerPeriod) {
        long total = 0;
        for (long units : unitsPerPeriod) {
            if (units < 0) {
                throw new IllegalArgumentException("units per period must not be negative");
            }
            total += units;
        }
        double[] weights = new double[unitsPerPeriod.length];
        for (int p = 0; p < weights.length; p++) {
            weights[p] = total == 0 ? 0.0 : (double) unitsPerPeriod[p] / total;
        }
        return new PeriodWeights(weights);
    }

    public int periods() {
        return weights.length;
    }

    public double weight(int period) {
        return weights[period];
    }

    /** The periods in which both arms have units: a comparison uses only the periods they ran side by side. */
    public static boolean[] shared(long[] first, long[] second) {
        boolean[] shared = new boolean[first.length];
        for (int p = 0; p < first.length; p++) {
            shared[p] = first[p] > 0 && second[p] > 0;
        }
        return shared;
    }

    /** Every period in which the arm has units. */
    public static boolean[] shown(long[] units) {
        boolean[] shown = new boolean[units.length];
        for (int p = 0; p < units.length; p++) {
            shown[p] = units[p] > 0;
        }
        return shown;
    }

    /** Effective conversions and exposures over the included periods. */
    public EffectiveCounts conversionRate(long[] exposures, long[] conversions, boolean[] included) {
        requireAligned(exposures.length, included.length);
        double weightSum = 0.0;
        double weightedRate = 0.0;
        double inverseInformation = 0.0;
        for (int p = 0; p < weights.length; p++) {
            if (!included[p] || exposures[p] == 0) {
                continue;
            }
            weightSum += weights[p];
            weightedRate += weights[p] * conversions[p] / exposures[p];
            inverseInformation += weights[p] * weights[p] / exposures[p];
        }
        if (!(weightSum > 0) || !(inverseInformation > 0)) {
            return new EffectiveCounts(0.0, 0.0);
        }
        double rate = Math.clamp(weightedRate / weightSum, 0.0, 1.0);
        double units = weightSum * weightSum / inverseInformation;
        return new EffectiveCounts(units, rate * units);
    }

    /** Effective units, weighted mean and within-period standard deviation over the included periods. */
    public SampleSummary mean(long[] units, double[] sums, double[] sumsOfSquares, boolean[] included) {
        requireAligned(units.length, included.length);
        double weightSum = 0.0;
        double weightedMean = 0.0;
        double inverseInformation = 0.0;
        double squaredDeviations = 0.0;
        long degreesOfFreedom = 0;
        for (int p = 0; p < weights.length; p++) {
            if (!included[p] || units[p] == 0) {
                continue;
            }
            double mean = sums[p] / units[p];
            weightSum += weights[p];
            weightedMean += weights[p] * mean;
            inverseInformation += weights[p] * weights[p] / units[p];
            squaredDeviations += Math.max(0.0, sumsOfSquares[p] - units[p] * mean * mean);
            degreesOfFreedom += units[p] - 1;
        }
        if (!(weightSum > 0) || !(inverseInformation > 0)) {
            return new SampleSummary(0, 0.0, 0.0);
        }
        double spread = degreesOfFreedom > 0 ? Math.sqrt(squaredDeviations / degreesOfFreedom) : 0.0;
        return new SampleSummary(weightSum * weightSum / inverseInformation, weightedMean / weightSum, spread);
    }

    private void requireAligned(int data, int included) {
        if (data != weights.length || included != weights.length) {
            throw new IllegalArgumentException("need one figure per period: " + weights.length + " periods, got "
                    + data + " and " + included);
        }
    }

    /** Conversions and exposures after weighting; their ratio is the weighted rate. */
    public record EffectiveCounts(double exposures, double conversions) {

        public double rate() {
            return exposures > 0 ? conversions / exposures : 0.0;
        }
    }
}
