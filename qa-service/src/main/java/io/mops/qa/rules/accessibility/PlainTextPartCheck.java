package io.mops.qa.rules.accessibility;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleIds;

/**
 * An HTML email also carries a plain-text part: text-only clients, some assistive technology and many spam filters
 * rely on it (RFC 2046 multipart/alternative; an established accessibility and deliverability practice).
 */
public final class PlainTextPartCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.email().ifPresent(email -> {
            if (!CampaignUnderReview.isBlank(email.html()) && CampaignUnderReview.isBlank(email.plainText())) {
                findings.report(RuleIds.PLAIN_TEXT_PART, Location.field("creatives.email.plainText"),
                        "the email has no plain-text part",
                        "add a plain-text version with the same content and links");
            }
        });
    }
}
