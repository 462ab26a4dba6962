package io.mops.qa.rules.tracking;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One campaign, one set of tags: the same destination must always carry the same UTM tags, and every link the same
 * {@code utm_campaign}; otherwise reports split one campaign's traffic into pieces nobody adds up.
 */
public final class ConsistentTaggingCheck implements CampaignCheck {

    private final TrackedLinks trackedLinks;

    public ConsistentTaggingCheck(RuleBook book) {
        this.trackedLinks = new TrackedLinks(book);
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        List<TrackedLinks.Tracked> links = trackedLinks.in(campaign);
        Map<String, TrackedLinks.Tracked> firstByDestination = new HashMap<>();
        for (TrackedLinks.Tracked link : links) {
            TrackedLinks.Tracked first = firstByDestination.putIfAbsent(link.address().destination(), link);
            if (first != null && !first.address().utm().equals(link.address().utm())) {
                findings.report(RuleIds.CONSISTENT_TAGS, link.link().where(),
                        "the link to " + link.address().destination() + " is tagged " + link.address().utm()
                                + " here but " + first.address().utm() + " at " + first.link().location(),
                        "give every link to the same page the same UTM tags");
            }
        }
        String campaignTag = null;
        TrackedLinks.Tracked campaignTagSource = null;
        for (TrackedLinks.Tracked link : links) {
            String tag = link.address().utm().get("utm_campaign");
            if (tag == null || tag.isBlank()) {
                continue;
            }
            if (campaignTag == null) {
                campaignTag = tag;
                campaignTagSource = link;
            } else if (!campaignTag.equals(tag)
                    && !link.address().destination().equals(campaignTagSource.address().destination())) {
                findings.report(RuleIds.CONSISTENT_TAGS, link.link().where(),
                        "utm_campaign=" + tag + " differs from utm_campaign=" + campaignTag + " at "
                                + campaignTagSource.link().location(),
                        "use one utm_campaign value for every link of the campaign");
            }
        }
    }
}
