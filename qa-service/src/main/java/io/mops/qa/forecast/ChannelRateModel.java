package io.mops.qa.forecast;

import org.apache.commons.statistics.distribution.FoldedNormalDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one rate — clicks per exposure, or conversions per click — varies on a channel: campaigns within audiences
 * within the channel. A hierarchical model, fitted to the channel's past campaigns:
 *
 * <ul>
 *   <li>an audience a has a typical rate μ<sub>a</sub> = m·(1 + audience effect), the effects spread with relative
 *   standard deviation d around the channel's rate m;</li>
 *   <li>each campaign j of the audience has its own true rate p<sub>aj</sub> = μ<sub>a</sub>·(1 + campaign effect),
 *   spread with relative standard deviation c (offer, creative, season: what makes one send differ from the
 *   next);</li>
 *   <li>what is observed is x<sub>aj</sub> successes out of n<sub>aj</sub> trials, binomial around p<sub>aj</sub>.</li>
 * </ul>
 *
 * <p>The spreads c and d are what a forecast pooling an audience's campaigns as one binomial leaves out. They are
 * not point-estimated but integrated over: a grid of 40 × 40 values at the quantiles of a half-normal prior of
 * scale {@value #PRIOR_SCALE} (so every grid point carries the same prior mass), each weighted by the marginal
 * likelihood of the whole history given (c, d) in the normal approximation of the model — audience rates and the
 * channel rate integrated out analytically, the channel rate under a flat prior. A channel with much history pins c and d down; a channel with
 * little leaves them wide, and the forecast says so by being wide. Neither Commons Statistics nor Hipparchus fits
 * nested variance components, so the likelihood is written out here; the prior's quantiles come from Commons
 * Statistics.
 *
 * <p>Given (c, d), an audience's rate is the usual precision-weighted shrinkage (best linear unbiased prediction):
 * its campaigns' precision-weighted mean ȳ<sub>a</sub>, pulled toward the channel's estimated rate by
 * B = τ² / (τ² + 1/W<sub>a</sub>), with the channel's own uncertainty added. The next campaign's rate then has the
 * audience's uncertainty plus the campaign-to-campaign spread; over the grid it is a mixture, kept in 16 parts.
 */
public final class ChannelRateModel {

    /** Half-normal scale of the prior on both spreads: most campaigns and audiences within ±50 % of the typical. */
    static final double PRIOR_SCALE = 0.5;
    static final int GRID_SIZE = 40;
    static final int MIXTURE_COMPONENTS = 16;
    private static final double LN_2 = Math.log(2);
    /** Relative standard deviations at the prior's quantiles (k + ½) / 40: equal prior mass per grid point. */
    static final double[] SPREADS = spreads();

    private final double channelRate;
    private final int campaigns;
    private final Map<String, Integer> audienceIndex;
    private final int[] audienceCampaigns;
    /** [campaign spread][audience]: ȳ, the precision-weighted mean of the audience's campaign rates. */
    private final double[][] audienceMean;
    /** [campaign spread][audience]: W, the precision of ȳ. */
    private final double[][] audiencePrecision;
    /**
     * [campaign spread × GRID_SIZE + audience spread]: posterior weight, log marginal likelihood, channel rate
     * estimate and its precision.
     */
    private final double[] weight;
    private final double[] logLikelihood;
    private final double[] channelMean;
    private final double[] channelPrecision;

    /** One past campaign's successes out of trials (clicks out of exposures, conversions out of clicks). */
    public record Campaign(String audience, long successes, long trials) {

        public Campaign {
            if (trials < 0 || successes < 0 || successes > trials) {
                throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of "
                        + trials);
            }
        }

        double rate() {
            return (double) successes / trials;
        }
    }

    /**
     * What the model expects of the true rate of an audience's next campaign, before the binomial noise of its own
     * size.
     *
     * @param rate              its mean
     * @param variance          its variance: the audience's rate uncertainty plus the campaign-to-campaign spread
     * @param audienceCampaigns the audience's past campaigns the forecast learned from (0: an audience never seen)
     * @param channelCampaigns  the channel's past campaigns the model was fitted to
     * @param campaignSpread    the posterior mean of c, how much one audience's campaigns differ (relative)
     * @param audienceSpread    the posterior mean of d, how much the channel's audiences differ (relative)
     * @param mixture           the true rate's distribution as a mixture: weights summing to 1, each part's mean
     *                          and variance (the overall {@code rate} and {@code variance} are the mixture's)
     */
    public record NextCampaign(double rate, double variance, int audienceCampaigns, int channelCampaigns,
                               double campaignSpread, double audienceSpread, List<Component> mixture) {

        public NextCampaign {
            mixture = List.copyOf(mixture);
        }

        /** A campaign expected at {@code rate} with {@code variance}, as one component. */
        public NextCampaign(double rate, double variance, int audienceCampaigns, int channelCampaigns,
                            double campaignSpread, double audienceSpread) {
            this(rate, variance, audienceCampaigns, channelCampaigns, campaignSpread, audienceSpread,
                    List.of(new Component(1, rate, variance)));
        }
    }

    /** One part of the next campaign's rate distribution: its weight, mean and variance. */
    public record Component(double weight, double rate, double variance) {
    }

    private ChannelRateModel(double channelRate, int campaigns, Map<String, Integer> audienceIndex,
                             int[] audienceCampaigns, double[][] audienceMean, double[][] audiencePrecision,
                             double[] weight, double[] logLikelihood, double[] channelMean,
                             double[] channelPrecision) {
        this.channelRate = channelRate;
        this.campaigns = campaigns;
        this.audienceIndex = audienceIndex;
        this.audienceCampaigns = audienceCampaigns;
        this.audienceMean = audienceMean;
        this.audiencePrecision = audiencePrecision;
        this.weight = weight;
        this.logLikelihood = logLikelihood;
        this.channelMean = channelMean;
        this.channelPrecision = channelPrecision;
    }

    /**
     * The model of the channel's history, or empty when there is nothing to learn a rate from: no campaign with
     * trials, or a rate that was always 0 (or always 1), which no spread describes.
     */
    public static Optional<ChannelRateModel> fit(List<Campaign> history) {
        Map<String, List<Campaign>> byAudience = new LinkedHashMap<>();
        long successes = 0;
        long trials = 0;
        for (Campaign campaign : history) {
            if (campaign.trials() > 0) {
                byAudience.computeIfAbsent(campaign.audience(), a -> new ArrayList<>()).add(campaign);
                successes += campaign.successes();
                trials += campaign.trials();
            }
        }
        if (successes == 0 || successes == trials) {
            return Optional.empty();
        }
        double pooled = (double) successes / trials;
        int audiences = byAudience.size();
        Map<String, Integer> index = new LinkedHashMap<>();
        int[] counts = new int[audiences];
        double[] scale = new double[audiences];
        List<List<Campaign>> groups = new ArrayList<>(byAudience.values());
        for (int i = 0; i < audiences; i++) {
            List<Campaign> group = groups.get(i);
            index.put(group.getFirst().audience(), i);
            counts[i] = group.size();
            scale[i] = audienceScale(group, pooled);
        }

        double[][] mean = new double[GRID_SIZE][audiences];
        double[][] precision = new double[GRID_SIZE][audiences];
        double[] within = new double[GRID_SIZE];
        for (int a = 0; a < GRID_SIZE; a++) {
            double spread = SPREADS[a];
            for (int i = 0; i < audiences; i++) {
                double s = scale[i];
                double w = 0;
                double wr = 0;
                double wrr = 0;
                double product = 1;
                long exponent = 0;
                List<Campaign> group = groups.get(i);
                for (int j = 0; j < group.size(); j++) {
                    Campaign campaign = group.get(j);
                    double variance = spread * spread * s * s + s * (1 - s) / campaign.trials();
                    double precisionOfRate = 1 / variance;
                    double r = campaign.rate();
                    w += precisionOfRate;
                    wr += r * precisionOfRate;
                    wrr += r * r * precisionOfRate;
                    product *= variance;
                    if ((j & 7) == 7) {
                        int e = Math.getExponent(product);
                        product = Math.scalb(product, -e);
                        exponent += e;
                    }
                }
                double logVariances = Math.log(product) + exponent * LN_2;
                double y = wr / w;
                mean[a][i] = y;
                precision[a][i] = w;
                within[a] += -0.5 * logVariances - 0.5 * Math.max(0, wrr - w * y * y) - 0.5 * Math.log(w);
            }
        }

        int points = GRID_SIZE * GRID_SIZE;
        double[] logWeight = new double[points];
        double[] channelMean = new double[points];
        double[] channelPrecision = new double[points];
        double[] meanVariance = new double[audiences];
        double[] meanSquared = new double[audiences];
        for (int a = 0; a < GRID_SIZE; a++) {
            double[] y = mean[a];
            for (int i = 0; i < audiences; i++) {
                meanVariance[i] = 1 / precision[a][i];
                meanSquared[i] = y[i] * y[i];
            }
            for (int b = 0; b < GRID_SIZE; b++) {
                double tau = SPREADS[b] * pooled;
                double tau2 = tau * tau;
                double s = 0;
                double t = 0;
                double u = 0;
                // Σ ln v as the log of a product whose binary exponent is taken out as it grows: one logarithm per
                // grid point instead of one per audience (the same for campaigns above), the dearest part of the fit.
                double product = 1;
                long exponent = 0;
                for (int i = 0; i < audiences; i++) {
                    double v = tau2 + meanVariance[i];
                    double precisionOfMean = 1 / v;
                    s += precisionOfMean;
                    t += y[i] * precisionOfMean;
                    u += meanSquared[i] * precisionOfMean;
                    product *= v;
                    if ((i & 7) == 7) {
                        int e = Math.getExponent(product);
                        product = Math.scalb(product, -e);
                        exponent += e;
                    }
                }
                double logVariances = Math.log(product) + exponent * LN_2;
                double m = t / s;
                int g = a * GRID_SIZE + b;
                channelMean[g] = m;
                channelPrecision[g] = s;
                logWeight[g] = within[a] - 0.5 * logVariances - 0.5 * Math.max(0, u - s * m * m) - 0.5 * Math.log(s);
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        for (double l : logWeight) {
            best = Math.max(best, l);
        }
        double total = 0;
        double[] weight = new double[points];
        for (int g = 0; g < points; g++) {
            weight[g] = Math.exp(logWeight[g] - best);
            total += weight[g];
        }
        for (int g = 0; g < points; g++) {
            weight[g] /= total;
        }
        int campaigns = 0;
        for (int count : counts) {
            campaigns += count;
        }
        return Optional.of(new ChannelRateModel(pooled, campaigns, index, counts, mean, precision, weight,
                logWeight, channelMean, channelPrecision));
    }

    /**
     * The scale the audience's campaign spread and binomial noise are measured at: its pooled rate with one
     * success at the channel's rate added, so that an audience that never clicked still has a (small) positive
     * scale, and one with much history has its own.
     */
    private static double audienceScale(List<Campaign> group, double channelRate) {
        long successes = 0;
        long trials = 0;
        for (Campaign campaign : group) {
            successes += campaign.successes();
            trials += campaign.trials();
        }
        return (successes + 1) / (trials + 1 / channelRate);
    }

    /** The pooled rate of the channel's history (successes over trials). */
    public double channelRate() {
        return channelRate;
    }

    /** What the next campaign reaching {@code audience} is expected to achieve; an audience never seen is fine. */
    public NextCampaign nextCampaign(String audience) {
        Integer seen = audienceIndex.get(audience);
        int points = GRID_SIZE * GRID_SIZE;
        double[] rate = new double[points];
        double[] variance = new double[points];
        double expected = 0;
        double secondMoment = 0;
        double campaignSpread = 0;
        double audienceSpread = 0;
        for (int a = 0; a < GRID_SIZE; a++) {
            double c = SPREADS[a];
            for (int b = 0; b < GRID_SIZE; b++) {
                int g = a * GRID_SIZE + b;
                double w = weight[g];
                TypicalRate typical = typicalRate(a, b, seen);
                rate[g] = typical.rate();
                variance[g] = typical.variance() + c * c * (typical.variance() + typical.rate() * typical.rate());
                expected += w * rate[g];
                secondMoment += w * (variance[g] + rate[g] * rate[g]);
                campaignSpread += w * c;
                audienceSpread += w * SPREADS[b];
            }
        }
        return new NextCampaign(expected, Math.max(0, secondMoment - expected * expected),
                seen == null ? 0 : audienceCampaigns[seen], campaigns, campaignSpread, audienceSpread,
                mixture(rate, variance));
    }

    /**
     * The grid's 1,600 predictions, sorted by their variance and pooled into {@value #MIXTURE_COMPONENTS} groups of
     * equal posterior weight, each by its mean and variance. Pooling them all into one mean and variance would throw
     * away the heavy tails that an uncertain spread gives (and make the 90 % interval too wide); 16 components keep
     * them at a sixteenth of the cost of the whole grid.
     */
    private List<Component> mixture(double[] rate, double[] variance) {
        Integer[] order = new Integer[rate.length];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        Arrays.sort(order, Comparator.comparingDouble(g -> variance[g]));
        List<Component> components = new ArrayList<>();
        double cumulative = 0;
        double w = 0;
        double first = 0;
        double second = 0;
        int group = 1;
        for (int i = 0; i < order.length; i++) {
            int g = order[i];
            w += weight[g];
            first += weight[g] * rate[g];
            second += weight[g] * (variance[g] + rate[g] * rate[g]);
            cumulative += weight[g];
            if (cumulative >= (double) group / MIXTURE_COMPONENTS || i == order.length - 1) {
                if (w > 0) {
                    double mean = first / w;
                    components.add(new Component(w, mean, Math.max(0, second / w - mean * mean)));
                }
                while (cumulative >= (double) group / MIXTURE_COMPONENTS) {
                    group++;
                }
                w = 0;
                first = 0;
                second = 0;
            }
        }
        return List.copyOf(components);
    }

    /** What is known of an audience's typical rate μ, given the spreads: the mean and variance of its posterior. */
    record TypicalRate(double rate, double variance) {
    }

    /** The audience's typical rate given campaign spread {@code SPREADS[a]} and audience spread {@code SPREADS[b]}. */
    TypicalRate typicalRate(int a, int b, String audience) {
        return typicalRate(a, b, audienceIndex.get(audience));
    }

    private TypicalRate typicalRate(int a, int b, Integer seen) {
        int g = a * GRID_SIZE + b;
        double tau = SPREADS[b] * channelRate;
        double tau2 = tau * tau;
        double m = channelMean[g];
        double channelVariance = 1 / channelPrecision[g];
        if (seen == null) {
            return new TypicalRate(m, tau2 + channelVariance);
        }
        double shrink = tau2 / (tau2 + 1 / audiencePrecision[a][seen]);
        return new TypicalRate(m + shrink * (audienceMean[a][seen] - m),
                (1 - shrink) * tau2 + (1 - shrink) * (1 - shrink) * channelVariance);
    }

    /**
     * The log marginal likelihood of the history given the spreads {@code SPREADS[a]} and {@code SPREADS[b]}, up to a
     * constant shared by every grid point.
     */
    double logLikelihood(int a, int b) {
        return logLikelihood[a * GRID_SIZE + b];
    }

    private static double[] spreads() {
        FoldedNormalDistribution prior = FoldedNormalDistribution.of(0, PRIOR_SCALE);
        double[] spreads = new double[GRID_SIZE];
        for (int k = 0; k < GRID_SIZE; k++) {
            spreads[k] = prior.inverseCumulativeProbability((k + 0.5) / GRID_SIZE);
        }
        return spreads;
    }
}
