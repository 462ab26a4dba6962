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
import java.util.Optional;

/**
 * Rule {@value RuleIds#PERFORMANCE_FORECAST}: the forecast of the campaign's click and conversion rates, always as an
 * {@code info} finding so that the team sees what to expect, and a finding at the rule's severity for every target
 * the forecast misses (the expected rate is below the target), with the chance that the campaign reaches it all
 * the same. Without past campaigns of the channel there is no forecast, and the finding says so.
 *
 * <p>The forecast is for a campaign of the planned size: {@code targets.plannedExposures}, else the audience size,
 * else the median size of past campaigns (and the finding says which).
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
        PerformanceTargets targets = submission.targets();
        PlannedSize size = PlannedSize.of(submission);
        PerformanceForecast forecast = PerformanceForecast.of(channel, audience, size.exposures(), channelHistory);
        List<Finding> findings = new ArrayList<>();
        findings.add(finding(book, Severity.INFO, FIELD, describe(forecast, size), null));
        if (targets != null) {
            miss(book, setting.get().severity(), "click rate", "targets.clickRate", targets.clickRate(),
                    forecast.clickRate(), findings);
            miss(book, setting.get().severity(), "conversion rate", "targets.conversionRate",
                    targets.conversionRate(), forecast.conversionRate(), findings);
        }
        return findings;
    }

    /** Where the forecast's campaign size comes from. */
    record PlannedSize(Long exposures, String basis) {

        static PlannedSize of(CampaignSubmission submission) {
            PerformanceTargets targets = submission.targets();
            if (targets != null && targets.plannedExposures() != null) {
                return new PlannedSize(targets.plannedExposures(), "the planned exposures");
            }
            Long audienceSize = submission.audience().size();
            if (audienceSize != null && audienceSize > 0) {
                return new PlannedSize(audienceSize, "the audience size");
            }
            return new PlannedSize(null, null);
        }
    }

    private static void miss(RuleBook book, Severity severity, String what, String field, BigDecimal target,
                             Optional<RateForecast> forecast, List<Finding> findings) {
        if (target == null || forecast.isEmpty() || forecast.get().rate() >= target.doubleValue()) {
            return;
        }
        RateForecast rate = forecast.get();
        findings.add(finding(book, severity, field, "the forecast " + what + " " + percent(rate.rate())
                        + " (" + interval(rate) + ") misses the target " + percent(target.doubleValue())
                        + "; chance of reaching it " + percent(rate.chanceOfReaching(target)),
                "revisit the target with the channel's history in mind, or change audience, offer or creative"));
    }

    static String describe(PerformanceForecast forecast, PlannedSize size) {
        StringBuilder text = new StringBuilder();
        text.append(forecast.clickRate().map(f -> "forecast click rate " + percent(f.rate()) + " (" + interval(f) + ")")
                .orElse("no click rate forecast (the past " + forecast.channel() + " campaigns' click rates were "
                        + "all 0 or all 100%)"));
        if (forecast.clickRate().isPresent()) {
            text.append(forecast.conversionRate().map(f -> ", conversion rate " + percent(f.rate()) + " ("
                            + interval(f) + ")")
                    .orElse(", no conversion rate forecast (the past " + forecast.channel() + " campaigns' "
                            + "conversion rates were all 0 or all 100%)"));
            text.append(" for a campaign of ").append(String.format(Locale.ROOT, "%,d", forecast.plannedExposures()))
                    .append(" exposures (").append(sizeBasis(forecast, size)).append(')');
        }
        text.append("; ").append(forecast.audienceCampaigns() == 0
                ? "no past campaign reached audience '" + forecast.audience() + "', so this is the channel's typical "
                + "performance from " + forecast.channelCampaigns() + " past campaigns"
                : "from " + forecast.audienceCampaigns() + " past campaigns reaching audience '" + forecast.audience()
                + "', shrunk toward " + forecast.channelCampaigns() + " past " + forecast.channel() + " campaigns");
        forecast.clickRate().ifPresent(f -> text.append("; one audience's campaigns differ by about ±")
                .append(wholePercent(f.next().campaignSpread())).append(" in click rate, audiences by about ±")
                .append(wholePercent(f.next().audienceSpread())));
        return text.toString();
    }

    private static String sizeBasis(PerformanceForecast forecast, PlannedSize size) {
        if (!forecast.plannedFromHistory()) {
            return size.basis();
        }
        return "the submission gives neither planned exposures nor an audience size, so the median of the "
                + (forecast.audienceCampaigns() > 0 ? "audience's" : "channel's") + " past campaigns";
    }

    private static String interval(RateForecast forecast) {
        return String.format(Locale.ROOT, "%.0f%% interval %s–%s", RateForecast.CREDIBILITY * 100,
                percent(forecast.low()), percent(forecast.high()));
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String wholePercent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static Finding finding(RuleBook book, Severity severity, String field, String message, String fixHint) {
        return new Finding(RuleIds.PERFORMANCE_FORECAST, book.name(), book.version(), severity, Location.field(field),
                message, fixHint);
    }
}
