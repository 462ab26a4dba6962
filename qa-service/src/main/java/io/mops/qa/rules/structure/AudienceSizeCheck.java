package io.mops.qa.rules.structure;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleIds;

/**
 * A tiny audience makes individuals identifiable from the results and makes every rate meaningless; it is usually
 * a targeting mistake.
 */
public final class AudienceSizeCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        Long size = campaign.submission().audience().size();
        long minimum = campaign.book().plan().minimumAudienceSize();
        if (size != null && size < minimum) {
            findings.report(RuleIds.AUDIENCE_MINIMUM, Location.field("audience.size"),
                    "the audience has " + size + " recipients, fewer than the minimum of " + minimum,
                    "widen the targeting or merge this send into a larger campaign");
        }
    }
}
