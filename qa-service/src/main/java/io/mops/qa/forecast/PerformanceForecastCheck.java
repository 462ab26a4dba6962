package io.mops.qa.forecast;

import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.PerformanceTargets;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule {@value RuleIds#PERFORMANCE_FORECAST}: the forecast of the campaign's click and conversion rates, always as an
 * {@code info} finding so that the team sees what to expect, and a finding at the rule's severity for every target
 * the forecast misses (its posterior mean is below the target). Without past campaigns of the channel there is no
 * forecast, and the finding says so.
 */
public final class PerformanceForecastCheck {

    static final String FIELD = "targets";

    public List<Finding> review(CampaignSubmission submission, RuleBook book, List<PastCampaign> channelHistory) {
        var setting = book.enabled(RuleIds.PERFORMANCE_FORECAST);
        if (setting.isEmpty()) {
            return List.of();
        }
        String channel = submission.channel();
        String audience = AudienceKey.of(submission.audience().targeting());
        if (channelHistory.stream().noneMatch(c -> c.channel().equals(channel))) {
            return List.of(finding(book, Severity.INFO, FIELD, "no performance forecast: no results of past "
                    + channel + " campaigns are recorded", "record the results of finished campaigns "
                    + "(POST /qa/campaign-results) to get forecasts"));
        }
        PerformanceForecast forecast = PerformanceForecast.of(channel, audience, channelHistory);
        List<Finding> findings = new ArrayList<>();
        findings.add(finding(book, Severity.INFO, FIELD, describe(forecast), null));
        PerformanceTargets targets = submission.targets();
        if (targets != null) {
            miss(book, setting.get().severity(), "click rate", "targets.clickRate", targets.clickRate(),
                    forecast.clickRate(), findings);
            miss(book, setting.get().severity(), "conversion rate", "targets.conversionRate",
                    targets.conversionRate(), forecast.conversionRate(), findings);
        }
        return findings;
    }

    private static void miss(RuleBook book, Severity severity, String what, String field, BigDecimal target,
                             RateForecast forecast, List<Finding> findings) {
        if (target == null || forecast.rate() >= target.doubleValue()) {
            return;
        }
        findings.add(finding(book, severity, field, "the forecast " + what + " " + percent(forecast.rate())
                        + " (" + interval(forecast) + ") misses the target " + percent(target.doubleValue())
                        + "; chance of reaching it " + percent(forecast.chanceOfReaching(target.doubleValue())),
                "revisit the target with the channel's history in mind, or change audience, offer or creative"));
    }

    static String describe(PerformanceForecast forecast) {
        String basis = forecast.audienceCampaigns() == 0
                ? "no past campaign reached audience '" + forecast.audience() + "', so this is the channel's typical "
                + "performance from " + forecast.channelCampaigns() + " past campaigns"
                : "from " + forecast.audienceCampaigns() + " past campaigns reaching audience '" + forecast.audience()
                + "', shrunk toward " + forecast.channelCampaigns() + " past " + forecast.channel() + " campaigns";
        return "forecast click rate " + percent(forecast.clickRate().rate()) + " (" + interval(forecast.clickRate())
                + "), conversion rate " + percent(forecast.conversionRate().rate()) + " ("
                + interval(forecast.conversionRate()) + "); " + basis;
    }

    private static String interval(RateForecast forecast) {
        return String.format(Locale.ROOT, "%.0f%% interval %s–%s", RateForecast.CREDIBILITY * 100,
                percent(forecast.low()), percent(forecast.high()));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static Finding finding(RuleBook book, Severity severity, String field, String message, String fixHint) {
        return new Finding(RuleIds.PERFORMANCE_FORECAST, book.name(), book.version(), severity, Location.field(field),
                message, fixHint);
    }
}
