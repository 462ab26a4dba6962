package io.mops.qa.rules.accessibility;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.ElementPath;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import org.jsoup.nodes.Element;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Link text says where the link goes (WCAG 2.2 SC 2.4.4 Link Purpose): screen-reader users jump from link to link,
 * and "click here" read out of context tells them nothing.
 */
public final class LinkTextCheck implements CampaignCheck {

    private final Set<String> vague;

    public LinkTextCheck(RuleBook book) {
        this.vague = book.accessibility().vagueLinkTexts().stream()
                .map(LinkTextCheck::normalise)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.emailHtml().ifPresent(html -> {
            for (Element link : html.select("a[href]")) {
                if (!link.attr("aria-label").isBlank()) {
                    continue;
                }
                String text = normalise(link.text());
                if (vague.contains(text)) {
                    findings.report(RuleIds.LINK_TEXT,
                            () -> Location.element(CampaignUnderReview.EMAIL_HTML, ElementPath.of(link)),
                            "the link text \"" + link.text() + "\" does not say where the link goes",
                            "use words that name the destination, e.g. \"See the winter collection\"");
                }
            }
        });
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s»›→]+", " ").trim();
    }
}
