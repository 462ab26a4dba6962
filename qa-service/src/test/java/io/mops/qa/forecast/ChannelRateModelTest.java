package io.mops.qa.forecast;

import io.mops.qa.forecast.ChannelRateModel.Campaign;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelRateModelTest {

    /** Three audiences with one to three campaigns each. */
    private static final List<Campaign> HISTORY = List.of(
            new Campaign("a", 30, 1000), new Campaign("a", 45, 1200),
            new Campaign("b", 12, 800),
            new Campaign("c", 50, 2000), new Campaign("c", 70, 2100), new Campaign("c", 40, 1500));

    private static final int[][] GRID_POINTS = {{5, 30}, {20, 10}, {35, 35}, {0, 0}, {39, 2}};

    @Test
    void theLikelihoodOfTheSpreadsIsTheGaussianMarginalOfAllCampaigns() {
        // Reference: the campaigns' rates as one Gaussian vector with covariance Σ = D + τ²ZZᵀ, its channel rate
        // integrated out under a flat prior: log L = −½ log|Σ| − ½ log(1ᵀΣ⁻¹1) − ½ (rᵀΣ⁻¹r − (1ᵀΣ⁻¹r)² / 1ᵀΣ⁻¹1),
        // evaluated with dense matrices. The model sums per audience instead; the two agree up to a constant.
        ChannelRateModel model = ChannelRateModel.fit(HISTORY).orElseThrow();
        double offset = Double.NaN;
        for (int[] point : GRID_POINTS) {
            Dense dense = new Dense(HISTORY, point[0], point[1]);
            double difference = model.logLikelihood(point[0], point[1]) - dense.logMarginalLikelihood();
            if (Double.isNaN(offset)) {
                offset = difference;
            }
            assertEquals(offset, difference, 1e-8, "grid point " + point[0] + ", " + point[1]);
        }
    }

    @Test
    void givenTheSpreadsAnAudiencesRateIsItsBestLinearUnbiasedPrediction() {
        // Reference (Henderson): μ̂ = m̂ + τ² zᵀΣ⁻¹(r − m̂1) with m̂ the generalised least-squares channel rate, and
        // prediction error variance τ² − τ⁴ zᵀΣ⁻¹z + (1 − τ² zᵀΣ⁻¹1)² / 1ᵀΣ⁻¹1; an unseen audience has z = 0.
        ChannelRateModel model = ChannelRateModel.fit(HISTORY).orElseThrow();
        for (int[] point : GRID_POINTS) {
            Dense dense = new Dense(HISTORY, point[0], point[1]);
            for (String audience : List.of("a", "b", "c", "never-seen")) {
                var typical = model.typicalRate(point[0], point[1], audience);
                double[] reference = dense.prediction(audience);
                assertEquals(reference[0], typical.rate(), 1e-10, audience + " at " + point[0] + ", " + point[1]);
                assertEquals(reference[1], typical.variance(), 1e-9 * reference[1] + 1e-15,
                        audience + " at " + point[0] + ", " + point[1]);
            }
        }
    }

    @Test
    void aLongHistoryRecoversHowMuchCampaignsAndAudiencesDiffer() {
        // Known truth, fixed seed: 60 audiences of 8 campaigns, audience rates spread 30 % around 4 %, campaign
        // rates 20 % around their audience's; the posterior means of the spreads land near the truth.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261206L);
        SimulatedChannel channel = new SimulatedChannel(rng, 0.2, 0.3);
        List<Campaign> history = new ArrayList<>();
        for (int audience = 0; audience < 60; audience++) {
            double typical = channel.audienceRate(0.04);
            for (int campaign = 0; campaign < 8; campaign++) {
                long trials = 20_000;
                history.add(new Campaign("a" + audience, channel.successes(trials, channel.campaignRate(typical)),
                        trials));
            }
        }
        var next = ChannelRateModel.fit(history).orElseThrow().nextCampaign("a0");
        assertEquals(0.2, next.campaignSpread(), 0.03);
        assertEquals(0.3, next.audienceSpread(), 0.05);
        assertEquals(8, next.audienceCampaigns());
        assertEquals(480, next.channelCampaigns());
    }

    @Test
    void anAudienceWithMuchHistorySpeaksForItselfAndANewOneGetsTheChannelsRate() {
        List<Campaign> history = new ArrayList<>(HISTORY);
        for (int i = 0; i < 12; i++) {
            history.add(new Campaign("loyal", 1200 + 10 * (i % 3), 10_000));
        }
        ChannelRateModel model = ChannelRateModel.fit(history).orElseThrow();
        var loyal = model.nextCampaign("loyal");
        var unseen = model.nextCampaign("never-seen");
        assertEquals(0.121, loyal.rate(), 0.003, "twelve campaigns at 12 % outweigh three audiences at 2-4 %");
        assertTrue(unseen.rate() < loyal.rate() && unseen.rate() > 0.02, "between the audiences: " + unseen.rate());
        assertTrue(unseen.variance() > loyal.variance(), "an audience never seen is the less certain");
        assertEquals(0, unseen.audienceCampaigns());
    }

    @Test
    void aRateThatWasAlwaysZeroOrWithoutTrialsHasNoModel() {
        assertTrue(ChannelRateModel.fit(List.of(new Campaign("a", 0, 100), new Campaign("b", 0, 50))).isEmpty());
        assertTrue(ChannelRateModel.fit(List.of(new Campaign("a", 0, 0))).isEmpty());
        assertTrue(ChannelRateModel.fit(List.of(new Campaign("a", 7, 7))).isEmpty());
        assertTrue(ChannelRateModel.fit(List.of()).isEmpty());
    }

    /** The model's Gaussian approximation written as dense matrices, for one grid point. */
    private static final class Dense {
        private final int size;
        private final double[] rates;
        private final String[] audiences;
        private final double tau2;
        private final double[][] inverse;
        private final double logDeterminant;

        Dense(List<Campaign> history, int campaignSpread, int audienceSpread) {
            size = history.size();
            rates = new double[size];
            audiences = new String[size];
            long successes = history.stream().mapToLong(Campaign::successes).sum();
            long trials = history.stream().mapToLong(Campaign::trials).sum();
            double channel = (double) successes / trials;
            double c = ChannelRateModel.SPREADS[campaignSpread];
            tau2 = Math.pow(ChannelRateModel.SPREADS[audienceSpread] * channel, 2);
            double[][] covariance = new double[size][size];
            for (int j = 0; j < size; j++) {
                Campaign campaign = history.get(j);
                rates[j] = (double) campaign.successes() / campaign.trials();
                audiences[j] = campaign.audience();
                // the audience's scale: its pooled rate with one success at the channel's rate added
                long x = history.stream().filter(h -> h.audience().equals(campaign.audience()))
                        .mapToLong(Campaign::successes).sum();
                long n = history.stream().filter(h -> h.audience().equals(campaign.audience()))
                        .mapToLong(Campaign::trials).sum();
                double scale = (x + 1) / (n + 1 / channel);
                covariance[j][j] = c * c * scale * scale + scale * (1 - scale) / campaign.trials();
            }
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    if (audiences[i].equals(audiences[j])) {
                        covariance[i][j] += tau2;
                    }
                }
            }
            double[][] lower = cholesky(covariance);
            double log = 0;
            for (int i = 0; i < size; i++) {
                log += 2 * Math.log(lower[i][i]);
            }
            logDeterminant = log;
            inverse = new double[size][];
            for (int i = 0; i < size; i++) {
                double[] unit = new double[size];
                unit[i] = 1;
                inverse[i] = solve(lower, unit);
            }
        }

        double logMarginalLikelihood() {
            double[] ones = ones();
            double oo = quadratic(ones, ones);
            double or = quadratic(ones, rates);
            double rr = quadratic(rates, rates);
            return -0.5 * logDeterminant - 0.5 * Math.log(oo) - 0.5 * (rr - or * or / oo);
        }

        /** {mean, prediction error variance} of the audience's typical rate. */
        double[] prediction(String audience) {
            double[] ones = ones();
            double[] z = new double[size];
            for (int j = 0; j < size; j++) {
                z[j] = audiences[j].equals(audience) ? 1 : 0;
            }
            double oo = quadratic(ones, ones);
            double channel = quadratic(ones, rates) / oo;
            double[] residual = new double[size];
            for (int j = 0; j < size; j++) {
                residual[j] = rates[j] - channel;
            }
            double mean = channel + tau2 * quadratic(z, residual);
            double error = tau2 - tau2 * tau2 * quadratic(z, z) + Math.pow(1 - tau2 * quadratic(z, ones), 2) / oo;
            return new double[]{mean, error};
        }

        private double[] ones() {
            double[] ones = new double[size];
            java.util.Arrays.fill(ones, 1);
            return ones;
        }

        private double quadratic(double[] left, double[] right) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    sum += left[i] * inverse[i][j] * right[j];
                }
            }
            return sum;
        }

        private static double[][] cholesky(double[][] a) {
            int n = a.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = a[i][j];
                    for (int k = 0; k < j; k++) {
                        sum -= l[i][k] * l[j][k];
                    }
                    l[i][j] = i == j ? Math.sqrt(sum) : sum / l[j][j];
                }
            }
            return l;
        }

        private static double[] solve(double[][] l, double[] b) {
            int n = b.length;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                double sum = b[i];
                for (int k = 0; k < i; k++) {
                    sum -= l[i][k] * y[k];
                }
                y[i] = sum / l[i][i];
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double sum = y[i];
                for (int k = i + 1; k < n; k++) {
                    sum -= l[k][i] * x[k];
                }
                x[i] = sum / l[i][i];
            }
            return x;
        }
    }
}
