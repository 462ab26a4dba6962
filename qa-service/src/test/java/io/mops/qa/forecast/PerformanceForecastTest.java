package io.mops.qa.forecast;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.PerformanceTargets;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceForecastTest {

    private static final RuleBook BOOK = new RuleBookReader().bundledDefault().withVersion(1);

    private static PastCampaign email(String audience, long exposures, long clicks, long conversions) {
        return new PastCampaign("c-" + exposures + "-" + clicks, "email", audience, exposures, clicks, conversions);
    }

    private static final List<PastCampaign> HISTORY = List.of(email("segment:active", 50_000, 1_500, 75),
            email("segment:active", 40_000, 1_200, 60), email("everyone", 200_000, 3_000, 90));

    @Test
    void theReportedRateOfACampaignIsBetaBinomialAroundTheExpectedRate() {
        // A true rate expected at 0.5 with variance 1/12 is Beta(1, 1); its successes out of 10 are then uniform on
        // 0..10 (closed form), so the 5 % and 95 % quantiles are 0 and 10 and P(X ≥ 4) = 7/11.
        var uniform = new ChannelRateModel.NextCampaign(0.5, 1.0 / 12, 1, 3, 0.2, 0.3);
        RateForecast small = RateForecast.of(uniform, 10);
        assertEquals(0.5, small.rate(), 1e-15);
        assertEquals(0.0, small.low());
        assertEquals(1.0, small.high());
        assertEquals(7.0 / 11, small.chanceOfReaching(new BigDecimal("0.35")), 1e-12);
        assertEquals(7.0 / 11, small.chanceOfReaching(new BigDecimal("0.4")), 1e-12, "4 of 10 is exactly 0.4");
        // Ten billion trials: the counts are not held one by one; the rate is then the uniform itself.
        RateForecast huge = RateForecast.of(uniform, 10_000_000_000L);
        assertEquals(0.05, huge.low(), 1e-6);
        assertEquals(0.95, huge.high(), 1e-6);
        assertEquals(0.65, huge.chanceOfReaching(new BigDecimal("0.35")), 1e-6);
    }

    @Test
    void theContinuousLimitOfALargeCampaignAgreesWithTheExactCounts() {
        // 200,000 exposures at 3 % ± 20 %: about 1,200 successes of spread, past the exact counting's limit. Counted
        // exactly all the same, the interval's ends and the chances differ by under 1 % of the interval's width.
        var next = new ChannelRateModel.NextCampaign(0.03, 0.000_036, 5, 50, 0.2, 0.3, List.of(
                new ChannelRateModel.Component(0.5, 0.029, 0.000_02), new ChannelRateModel.Component(0.5, 0.031, 0.000_05)));
        long trials = 200_000;
        RateForecast forecast = RateForecast.of(next, trials);
        assertTrue(forecast.outcome() instanceof RateForecast.ContinuousLimit, forecast.outcome().getClass().getName());
        RateForecast.Outcome exact = RateForecast.counted(next.mixture(), trials).orElseThrow();
        double width = forecast.high() - forecast.low();
        assertEquals(exact.quantile(0.05), forecast.low(), 0.01 * width);
        assertEquals(exact.quantile(0.95), forecast.high(), 0.01 * width);
        for (String target : List.of("0.02", "0.025", "0.03", "0.035", "0.04")) {
            assertEquals(exact.chanceOfReaching(new BigDecimal(target)), forecast.chanceOfReaching(new BigDecimal(target)),
                    0.005, "target " + target);
        }
    }

    @Test
    void aSmallCampaignHasTheWiderIntervalForItsBinomialNoise() {
        PerformanceForecast thousand = PerformanceForecast.of("email", "segment:active", 1_000L, HISTORY);
        PerformanceForecast million = PerformanceForecast.of("email", "segment:active", 1_000_000L, HISTORY);
        RateForecast small = thousand.clickRate().orElseThrow();
        RateForecast large = million.clickRate().orElseThrow();
        assertEquals(small.rate(), large.rate(), 1e-15, "the same expected rate");
        assertTrue(small.high() - small.low() > large.high() - large.low(),
                small.low() + "-" + small.high() + " against " + large.low() + "-" + large.high());
        assertEquals(1_000, thousand.plannedExposures());
        assertEquals(Math.round(1_000 * small.rate()), thousand.conversionRate().orElseThrow().plannedTrials(),
                "conversions are forecast for the clicks the exposures are expected to bring");
    }

    @Test
    void withoutASizeTheForecastIsForTheMedianOfTheAudiencesPastCampaigns() {
        PerformanceForecast forecast = PerformanceForecast.of("email", "segment:active", null, HISTORY);
        assertTrue(forecast.plannedFromHistory());
        assertEquals(40_000, forecast.plannedExposures(), "the lower middle of 40,000 and 50,000");
        assertEquals(50_000, PerformanceForecast.of("email", "never-seen", null, HISTORY).plannedExposures(),
                "the channel's middle size (of 40,000, 50,000 and 200,000) for an audience never seen");
    }

    @Test
    void aChannelWhoseClicksNeverConvertedHasNoConversionForecast() {
        List<PastCampaign> history = List.of(email("a", 10_000, 200, 0), email("b", 10_000, 300, 0));
        PerformanceForecast forecast = PerformanceForecast.of("email", "a", 5_000L, history);
        assertTrue(forecast.clickRate().isPresent());
        assertTrue(forecast.conversionRate().isEmpty());
        String message = PerformanceForecastCheck.describe(forecast,
                new PerformanceForecastCheck.PlannedSize(5_000L, "the audience size"));
        assertTrue(message.contains("no conversion rate forecast"), message);
    }

    @Test
    void aTargetAboveTheForecastIsAWarningNamingTheChanceOfReachingIt() throws Exception {
        CampaignSubmission submission = submission(new PerformanceTargets(new BigDecimal("0.05"),
                new BigDecimal("0.01")));

        List<Finding> findings = new PerformanceForecastCheck().review(submission, BOOK, HISTORY);

        assertEquals(List.of(Severity.INFO, Severity.WARN), findings.stream().map(Finding::severity).toList());
        assertTrue(findings.stream().allMatch(f -> f.ruleId().equals(RuleIds.PERFORMANCE_FORECAST)));
        Finding info = findings.getFirst();
        assertTrue(info.message().contains("for a campaign of 90,000 exposures (the audience size)"), info.message());
        Finding miss = findings.get(1);
        assertEquals("targets.clickRate", miss.location().field());
        Matcher chance = Pattern.compile("^the forecast click rate \\d\\.\\d\\d% \\(90% interval \\d\\.\\d\\d%–\\d\\.\\d\\d%\\) "
                + "misses the target 5\\.00%; chance of reaching it (\\d+\\.\\d\\d)%$").matcher(miss.message());
        assertTrue(chance.find(), miss.message());
        // What the forecast for 90,000 exposures gives; campaigns differ, so 5 % is unlikely but not impossible.
        double expected = PerformanceForecast.of("email", "segment:active", 90_000L, HISTORY).clickRate()
                .orElseThrow().chanceOfReaching(new BigDecimal("0.05"));
        assertEquals(expected * 100, Double.parseDouble(chance.group(1)), 0.005);
        assertTrue(expected > 0 && expected < 0.5, "chance " + expected);
    }

    @Test
    void plannedExposuresComeBeforeTheAudienceSize() throws Exception {
        CampaignSubmission submission = submission(new PerformanceTargets(null, null, 250_000L));
        Finding info = new PerformanceForecastCheck().review(submission, BOOK, HISTORY).getFirst();
        assertTrue(info.message().contains("for a campaign of 250,000 exposures (the planned exposures)"),
                info.message());
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
