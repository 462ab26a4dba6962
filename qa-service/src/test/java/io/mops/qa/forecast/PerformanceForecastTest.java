package io.mops.qa.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.PerformanceTargets;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceForecastTest {

    private static final RuleBook BOOK = new RuleBookReader().bundledDefault().withVersion(1);

    private static PastCampaign email(String audience, long exposures, long clicks, long conversions) {
        return new PastCampaign("c-" + exposures + "-" + clicks, "email", audience, exposures, clicks, conversions);
    }

    @Test
    void theConjugateUpdateAddsSuccessesToAlphaAndFailuresToBeta() {
        BetaBelief posterior = new BetaBelief(2, 98).observe(30, 1000);
        assertEquals(32, posterior.alpha());
        assertEquals(1068, posterior.beta());
        assertEquals(32.0 / 1100, posterior.mean(), 1e-15);
    }

    @Test
    void theIntervalMatchesTheBetaQuantilesInClosedForm() {
        // Beta(1, 2) has CDF 1 - (1 - x)^2, so its p-quantile is 1 - sqrt(1 - p): 0.0253206 and 0.7763932.
        RateForecast forecast = RateForecast.of(BetaBelief.UNIFORM, 1, 0, 1);
        assertEquals(1.0 / 3, forecast.rate(), 1e-15);
        assertEquals(1 - Math.sqrt(0.95), forecast.low(), 1e-9);
        assertEquals(1 - Math.sqrt(0.05), forecast.high(), 1e-9);
        // P(rate >= 0.5) = (1 - 0.5)^2
        assertEquals(0.25, forecast.chanceOfReaching(0.5), 1e-12);
    }

    @Test
    void theChannelPriorIsFittedByTheMethodOfMoments() {
        // Rates 2 %, 4 %, 6 % on a million exposures each: m = 0.04, s² = 0.0004, binomial noise 0.04·0.96·1e-6,
        // so α + β = 0.0384 / (0.0004 - 3.84e-8) - 1 = 95.00921...
        BetaBelief prior = ChannelPrior.fit(List.of(new ChannelPrior.Observed(20_000, 1_000_000),
                new ChannelPrior.Observed(40_000, 1_000_000), new ChannelPrior.Observed(60_000, 1_000_000)));
        double strength = 0.0384 / (0.0004 - 0.0384e-6) - 1;
        assertEquals(strength, prior.strength(), 1e-9);
        assertEquals(0.04, prior.mean(), 1e-12);
    }

    @Test
    void campaignsThatDifferNoMoreThanNoiseMakeAPriorWorthTheWholeHistory() {
        BetaBelief prior = ChannelPrior.fit(List.of(new ChannelPrior.Observed(30, 1000),
                new ChannelPrior.Observed(30, 1000), new ChannelPrior.Observed(30, 1000)));
        assertEquals(3000, prior.strength(), 1e-9);
        assertEquals(0.03, prior.mean(), 1e-12);
    }

    @Test
    void tooLittleHistoryOrADegenerateRateGivesTheUniformPrior() {
        assertSame(BetaBelief.UNIFORM, ChannelPrior.fit(List.of(new ChannelPrior.Observed(3, 100),
                new ChannelPrior.Observed(5, 100))));
        assertSame(BetaBelief.UNIFORM, ChannelPrior.fit(List.of(new ChannelPrior.Observed(0, 100),
                new ChannelPrior.Observed(0, 100), new ChannelPrior.Observed(0, 50))));
    }

    @Test
    void aSmallAudienceHistoryIsShrunkTowardTheChannel() {
        List<PastCampaign> history = List.of(email("a", 1_000_000, 20_000, 400), email("b", 1_000_000, 40_000, 800),
                email("c", 1_000_000, 60_000, 1200), email("new", 100, 20, 1));
        PerformanceForecast forecast = PerformanceForecast.of("email", "new", history);
        double raw = 20 / 100.0;
        double channel = forecast.clickRate().prior().mean();
        assertTrue(forecast.clickRate().rate() < raw && forecast.clickRate().rate() > channel,
                "between the channel's " + channel + " and the audience's raw " + raw + ": "
                        + forecast.clickRate().rate());
        assertEquals(1, forecast.audienceCampaigns());
        assertEquals(4, forecast.channelCampaigns());
    }

    @Test
    void anUnseenAudienceGetsTheChannelsPriorAsItsForecast() {
        List<PastCampaign> history = List.of(email("a", 10_000, 200, 10), email("b", 10_000, 400, 20),
                email("c", 10_000, 300, 12));
        PerformanceForecast forecast = PerformanceForecast.of("email", "never-seen", history);
        assertEquals(forecast.clickRate().prior(), forecast.clickRate().posterior());
        assertEquals(0.03, forecast.clickRate().rate(), 1e-12);
    }

    @Test
    void theIntervalCoversTheTrueRateAboutNineTimesInTen() {
        // Property, fixed seed: audiences whose true rates come from the prior, observed through binomial sampling;
        // the 90 % posterior interval should contain the true rate in about 90 % of them.
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261125L);
        var prior = new BetaBelief(6, 194);
        var sampler = org.apache.commons.statistics.distribution.BetaDistribution.of(6, 194).createSampler(rng);
        int covered = 0;
        int audiences = 2000;
        for (int i = 0; i < audiences; i++) {
            double trueRate = sampler.sample();
            int exposures = 500;
            int clicks = 0;
            for (int e = 0; e < exposures; e++) {
                clicks += rng.nextDouble() < trueRate ? 1 : 0;
            }
            RateForecast forecast = RateForecast.of(prior, 1, clicks, exposures);
            covered += forecast.low() <= trueRate && trueRate <= forecast.high() ? 1 : 0;
        }
        assertEquals(0.90, covered / (double) audiences, 0.02);
    }

    @Test
    void aTargetAboveTheForecastIsAWarningNamingTheChanceOfReachingIt() throws Exception {
        List<PastCampaign> history = new ArrayList<>(List.of(email("segment:active", 50_000, 1_500, 75),
                email("segment:active", 40_000, 1_200, 60), email("everyone", 200_000, 3_000, 90)));
        CampaignSubmission submission = submission(new PerformanceTargets(new BigDecimal("0.05"),
                new BigDecimal("0.01")));

        List<Finding> findings = new PerformanceForecastCheck().review(submission, BOOK, history);

        assertEquals(List.of(Severity.INFO, Severity.WARN), findings.stream().map(Finding::severity).toList());
        assertTrue(findings.stream().allMatch(f -> f.ruleId().equals(RuleIds.PERFORMANCE_FORECAST)));
        Finding miss = findings.get(1);
        assertEquals("targets.clickRate", miss.location().field());
        assertTrue(miss.message().startsWith("the forecast click rate 3."), miss.message());
        assertTrue(miss.message().contains("misses the target 5.00%; chance of reaching it 0.00%"), miss.message());
    }

    @Test
    void targetsWithinTheForecastOrNoTargetsGiveOnlyTheForecast() throws Exception {
        List<PastCampaign> history = List.of(email("segment:active", 50_000, 1_500, 75));
        List<Finding> none = new PerformanceForecastCheck().review(submission(null), BOOK, history);
        List<Finding> met = new PerformanceForecastCheck().review(submission(new PerformanceTargets(
                new BigDecimal("0.02"), null)), BOOK, history);
        assertEquals(1, none.size());
        assertEquals(none, met);
        assertTrue(none.getFirst().message().startsWith("forecast click rate"), none.getFirst().message());
    }

    @Test
    void withoutHistoryTheFindingSaysThereIsNoForecast() throws Exception {
        List<PastCampaign> onlySms = List.of(new PastCampaign("s-1", "sms", "segment:active", 10_000, 300, 20));
        List<Finding> findings = new PerformanceForecastCheck().review(submission(
                new PerformanceTargets(new BigDecimal("0.05"), null)), BOOK, onlySms);
        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.getFirst().severity());
        assertTrue(findings.getFirst().message().startsWith("no performance forecast"), findings.getFirst().message());
    }

    @Test
    void theAudienceKeyIgnoresOrderCaseAndDuplicates() {
        assertEquals("geo:us & segment:active", AudienceKey.of(List.of(" Segment:Active", "geo:us", "segment:active")));
        assertEquals(AudienceKey.EVERYONE, AudienceKey.of(List.of()));
    }

    private static CampaignSubmission submission(PerformanceTargets targets) throws Exception {
        String json = """
                {"campaignId": "f-1", "channel": "email",
                 "audience": {"size": 90000, "regions": ["US"], "targeting": ["segment:active"]},
                 "creatives": {}}""";
        CampaignSubmission parsed = new ObjectMapper().findAndRegisterModules().readValue(json, CampaignSubmission.class);
        return new CampaignSubmission(parsed.campaignId(), parsed.name(), parsed.channel(), null, null, null,
                parsed.audience(), List.of(), parsed.creatives(), List.of(), null, targets, null);
    }
}
