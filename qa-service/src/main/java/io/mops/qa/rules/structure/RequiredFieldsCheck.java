package io.mops.qa.rules.structure;

import io.mops.qa.campaign.AdCreative;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.EmailCreative;
import io.mops.qa.campaign.SmsCreative;
import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleIds;

import static io.mops.qa.rules.CampaignUnderReview.isBlank;

/** Nothing launches half-described: a name, dates, an audience, and every part of the creative its channel needs. */
public final class RequiredFieldsCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        CampaignSubmission s = campaign.submission();
        requireText(findings, s.name(), "name");
        require(findings, s.startDate() != null, "startDate");
        require(findings, s.endDate() != null, "endDate");
        require(findings, s.audience().size() != null, "audience.size");
        require(findings, !s.audience().regions().isEmpty(), "audience.regions");
        campaign.creativeKind().ifPresent(kind -> {
            switch (kind) {
                case EMAIL -> campaign.email().ifPresent(email -> requireEmailParts(findings, email));
                case SMS -> campaign.sms().ifPresent(sms -> requireSmsParts(findings, sms));
                case AD -> {
                    campaign.ad().ifPresent(ad -> requireAdParts(findings, ad));
                    requireText(findings, s.creatives().landingPageUrl(), "creatives.landingPageUrl");
                }
            }
        });
    }

    private static void requireEmailParts(Findings findings, EmailCreative email) {
        requireText(findings, email.subject(), "creatives.email.subject");
        requireText(findings, email.senderName(), "creatives.email.senderName");
        requireText(findings, email.senderAddress(), "creatives.email.senderAddress");
        requireText(findings, email.html(), "creatives.email.html");
    }

    private static void requireSmsParts(Findings findings, SmsCreative sms) {
        requireText(findings, sms.text(), "creatives.sms.text");
        require(findings, sms.sendAt() != null, "creatives.sms.sendAt");
    }

    private static void requireAdParts(Findings findings, AdCreative ad) {
        require(findings, ad.headlines().stream().anyMatch(h -> !h.isBlank()), "creatives.ad.headlines");
        requireText(findings, ad.body(), "creatives.ad.body");
    }

    private static void requireText(Findings findings, String value, String field) {
        require(findings, !isBlank(value), field);
    }

    private static void require(Findings findings, boolean present, String field) {
        if (!present) {
            findings.report(RuleIds.REQUIRED_FIELDS, Location.field(field), field + " is missing",
                    "fill in " + field + " before submitting the campaign for QA");
        }
    }
}
