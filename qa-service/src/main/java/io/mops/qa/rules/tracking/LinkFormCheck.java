package io.mops.qa.rules.tracking;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignLink;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.RuleIds;

import java.util.Locale;
import java.util.Optional;

/**
 * Every link must lead somewhere: an absolute web address (or a mailto:/tel: link), never an empty or {@code #}
 * placeholder, a relative path (meaningless in an inbox) or script. Plain http is reported separately: it works, but
 * browsers mark it unsafe and it leaks the campaign tags.
 */
public final class LinkFormCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        for (CampaignLink link : campaign.links()) {
            String url = link.url() == null ? "" : link.url().trim();
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.startsWith("mailto:") || lower.startsWith("tel:")) {
                if (url.indexOf(':') == url.length() - 1) {
                    malformed(findings, link, "has no address after '" + url + "'");
                }
                continue;
            }
            Optional<LinkAddress> address = LinkAddress.parse(url);
            if (address.isEmpty()) {
                malformed(findings, link, reason(url));
            } else if (!address.get().isHttps()) {
                findings.report(RuleIds.LINK_HTTPS, link.where(), "the link " + url + " uses plain http",
                        "use the https address of the page");
            }
        }
    }

    private static String reason(String url) {
        if (url.isEmpty() || url.equals("#")) {
            return "is an empty placeholder";
        }
        if (url.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
            return "runs script instead of opening a page";
        }
        if (url.chars().anyMatch(Character::isWhitespace)) {
            return "contains spaces";
        }
        return "is not an absolute http(s) address";
    }

    private static void malformed(Findings findings, CampaignLink link, String reason) {
        findings.report(RuleIds.LINK_WELL_FORMED, link.where(), "the link '" + link.url() + "' " + reason,
                "use the full https:// address of the destination page");
    }
}
