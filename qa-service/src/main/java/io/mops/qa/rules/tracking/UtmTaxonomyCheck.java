package io.mops.qa.rules.tracking;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The organisation's tracking taxonomy: every tracked link carries the required UTM parameters, its medium matches
 * the channel, its source comes from the agreed list, values are lowercase (analytics tools count "Email" and
 * "email" as two sources), and the campaign tag follows the naming pattern.
 */
public final class UtmTaxonomyCheck implements CampaignCheck {

    private final TrackedLinks trackedLinks;
    private final RuleBook.TrackingRules rules;
    private final Pattern campaignName;

    public UtmTaxonomyCheck(RuleBook book) {
        this.trackedLinks = new TrackedLinks(book);
        this.rules = book.tracking();
        this.campaignName = rules.campaignNamePattern() == null ? null : Pattern.compile(rules.campaignNamePattern());
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        List<String> mediums = campaign.book().channel(campaign.submission().channel())
                .map(RuleBook.ChannelRules::utmMediums).orElse(List.of());
        for (TrackedLinks.Tracked tracked : trackedLinks.in(campaign)) {
            Map<String, String> utm = tracked.address().utm();
            List<String> missing = rules.requiredParameters().stream()
                    .filter(p -> utm.getOrDefault(p, "").isBlank()).toList();
            if (!missing.isEmpty()) {
                findings.report(RuleIds.UTM_PRESENT, tracked.link().where(),
                        "the link " + tracked.link().url() + " lacks " + String.join(", ", missing),
                        "add " + String.join(", ", missing) + " so that the traffic is attributed to this campaign");
            }
            utm.forEach((parameter, value) -> {
                if (!value.equals(value.toLowerCase(Locale.ROOT))) {
                    findings.report(RuleIds.UTM_LOWERCASE, tracked.link().where(),
                            parameter + "=" + value + " is not lowercase",
                            "write " + parameter + "=" + value.toLowerCase(Locale.ROOT));
                }
            });
            TrackedLinks.utm(tracked, "utm_medium").filter(m -> !m.isBlank()).ifPresent(medium -> {
                if (!mediums.contains(medium.toLowerCase(Locale.ROOT))) {
                    findings.report(RuleIds.UTM_MEDIUM, tracked.link().where(),
                            "utm_medium=" + medium + " does not match channel '" + campaign.submission().channel() + "'",
                            "use utm_medium " + String.join(" or ", mediums));
                }
            });
            TrackedLinks.utm(tracked, "utm_source").filter(s -> !s.isBlank()).ifPresent(source -> {
                if (!rules.allowedSources().contains(source.toLowerCase(Locale.ROOT))) {
                    findings.report(RuleIds.UTM_SOURCE, tracked.link().where(),
                            "utm_source=" + source + " is not one of the organisation's sources",
                            "use one of: " + String.join(", ", rules.allowedSources()));
                }
            });
            TrackedLinks.utm(tracked, "utm_campaign").filter(c -> !c.isBlank()).ifPresent(name -> {
                if (campaignName != null && !campaignName.matcher(name).matches()) {
                    findings.report(RuleIds.CAMPAIGN_NAME, tracked.link().where(),
                            "utm_campaign=" + name + " does not follow the naming pattern " + campaignName.pattern(),
                            "name the campaign after the taxonomy, e.g. 2026-11-black-friday-us");
                }
            });
        }
    }
}
