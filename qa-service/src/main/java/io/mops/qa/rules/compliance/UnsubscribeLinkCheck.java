package io.mops.qa.rules.compliance;

import io.mops.qa.campaign.EmailCreative;
import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignLink;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.tracking.LinkAddress;
import io.mops.qa.rules.tracking.TrackedLinks;

import java.util.List;
import java.util.Locale;

/**
 * Every commercial email carries a working way to opt out (CAN-SPAM 15 U.S.C. 7704(a)(3), CASL s.11, GDPR Art. 21(2)
 * with ePrivacy). "Working" is checked as far as it can be without sending: an unsubscribe link exists, and its
 * address is an absolute https/mailto address, not a placeholder.
 */
public final class UnsubscribeLinkCheck implements CampaignCheck {

    private final TrackedLinks links;
    private final List<String> markers;

    public UnsubscribeLinkCheck(RuleBook book) {
        this.links = new TrackedLinks(book);
        this.markers = book.email().unsubscribeMarkers().stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        if (campaign.emailHtml().isEmpty()) {
            return;
        }
        List<CampaignLink> unsubscribe = campaign.links().stream()
                .filter(CampaignLink::fromEmailHtml)
                .filter(links::isUnsubscribeLink)
                .toList();
        if (unsubscribe.isEmpty()) {
            findings.report(RuleIds.UNSUBSCRIBE_LINK, Location.field(CampaignUnderReview.EMAIL_HTML),
                    "the email has no unsubscribe link",
                    "add a visible link labelled 'Unsubscribe' to the organisation's unsubscribe page in the footer");
        } else if (unsubscribe.stream().noneMatch(UnsubscribeLinkCheck::works)) {
            CampaignLink broken = unsubscribe.getFirst();
            findings.report(RuleIds.UNSUBSCRIBE_LINK, broken.where(),
                    "the unsubscribe link '" + broken.url() + "' does not lead anywhere",
                    "point the unsubscribe link at the absolute https address of the unsubscribe page");
        }
        String plainText = campaign.email().map(EmailCreative::plainText).orElse(null);
        if (plainText != null && !plainText.isBlank()) {
            String lower = plainText.toLowerCase(Locale.ROOT);
            if (markers.stream().noneMatch(lower::contains)) {
                findings.report(RuleIds.UNSUBSCRIBE_LINK, Location.field("creatives.email.plainText"),
                        "the plain-text part has no unsubscribe instructions",
                        "add the unsubscribe link to the plain-text part too");
            }
        }
    }

    private static boolean works(CampaignLink link) {
        String url = link.url().trim();
        if (url.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
            return url.length() > "mailto:".length() && url.contains("@");
        }
        return LinkAddress.parse(url).filter(LinkAddress::isHttps).isPresent();
    }
}
