package io.mops.qa.rules;

import java.util.function.Supplier;

/**
 * A link recipients can follow, wherever it was found: a declared tracking link, the landing page, an anchor in the
 * email HTML or a URL in the SMS text. Its location is worked out only when a finding needs it.
 *
 * @param text the visible link text (anchors only; empty elsewhere)
 */
public record CampaignLink(String url, String text, Supplier<Location> where, boolean fromEmailHtml) {

    public CampaignLink {
        where = CopyText.once(where);
    }

    public Location location() {
        return where.get();
    }
}
