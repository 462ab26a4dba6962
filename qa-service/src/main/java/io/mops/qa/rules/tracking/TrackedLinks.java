package io.mops.qa.rules.tracking;

import io.mops.qa.rules.CampaignLink;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.RuleBook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The links that ought to carry campaign tags: every well-formed web link except unsubscribe and preference links,
 * which are functional and must never be counted as campaign traffic.
 */
public final class TrackedLinks {

    private final List<String> unsubscribeMarkers;

    public TrackedLinks(RuleBook book) {
        this.unsubscribeMarkers = book.email() == null ? List.of()
                : book.email().unsubscribeMarkers().stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
    }

    public record Tracked(CampaignLink link, LinkAddress address) {
    }

    public List<Tracked> in(CampaignUnderReview campaign) {
        return campaign.links().stream()
                .filter(link -> !isUnsubscribeLink(link))
                .flatMap(link -> LinkAddress.parse(link.url()).map(a -> new Tracked(link, a)).stream())
                .toList();
    }

    /** Recognised by its visible text or its address, the way a recipient or a mailbox provider would. */
    public boolean isUnsubscribeLink(CampaignLink link) {
        String text = link.text().toLowerCase(Locale.ROOT);
        String url = link.url().toLowerCase(Locale.ROOT);
        return unsubscribeMarkers.stream().anyMatch(m -> text.contains(m) || url.contains(m.replace(" ", "")));
    }

    static Optional<String> utm(Tracked tracked, String parameter) {
        return Optional.ofNullable(tracked.address().utm().get(parameter));
    }
}
