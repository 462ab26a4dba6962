package io.mops.qa.rules.accessibility;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.ElementPath;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleIds;
import org.jsoup.nodes.Element;

import java.util.function.Supplier;

/**
 * Images carry a text alternative (WCAG 2.2 SC 1.1.1 Non-text Content): screen readers announce it, and most email
 * clients block images by default, so without it the recipient sees nothing at all. {@code alt=""} is right for
 * decoration, but not for an image that is the only content of a link. Tracking pixels are exempt.
 */
public final class ImageAltTextCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.emailHtml().ifPresent(html -> {
            for (Element image : html.select("img")) {
                if (isTrackingPixel(image)) {
                    continue;
                }
                Supplier<Location> location = () -> Location.element(CampaignUnderReview.EMAIL_HTML, ElementPath.of(image));
                if (!image.hasAttr("alt")) {
                    findings.report(RuleIds.IMAGE_ALT, location,
                            "the image " + image.attr("src") + " has no alt text",
                            "describe the image in an alt attribute, or use alt=\"\" if it is pure decoration");
                } else if (image.attr("alt").isBlank() && isOnlyContentOfLink(image)) {
                    findings.report(RuleIds.IMAGE_ALT, location,
                            "the image " + image.attr("src") + " is the only content of a link but its alt text is empty",
                            "give the image an alt text that says where the link goes");
                }
            }
        });
    }

    private static boolean isTrackingPixel(Element image) {
        return isTiny(image.attr("width")) && isTiny(image.attr("height"));
    }

    private static boolean isTiny(String dimension) {
        return dimension.equals("0") || dimension.equals("1") || dimension.equals("1px") || dimension.equals("0px");
    }

    private static boolean isOnlyContentOfLink(Element image) {
        Element link = image.closest("a");
        return link != null && link.text().isBlank() && link.select("img[alt]:not([alt=''])").isEmpty();
    }
}
