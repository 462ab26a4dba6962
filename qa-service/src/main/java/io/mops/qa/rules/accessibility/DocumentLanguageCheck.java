package io.mops.qa.rules.accessibility;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleIds;
import org.jsoup.nodes.Element;

/**
 * The email declares its language (WCAG 2.2 SC 3.1.1 Language of Page) so screen readers pronounce it correctly.
 */
public final class DocumentLanguageCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.emailHtml().ifPresent(html -> {
            Element root = html.selectFirst("html");
            if (root == null || root.attr("lang").isBlank()) {
                findings.report(RuleIds.HTML_LANG, Location.element(CampaignUnderReview.EMAIL_HTML, "html"),
                        "the email does not declare its language",
                        "add a lang attribute to the html element, e.g. <html lang=\"en\">");
            }
        });
    }
}
