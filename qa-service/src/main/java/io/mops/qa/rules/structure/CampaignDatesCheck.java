package io.mops.qa.rules.structure;

import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleIds;

import java.time.temporal.ChronoUnit;

/** Dates that make sense: the end after the start, a start still ahead, and a run no longer than policy allows. */
public final class CampaignDatesCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        CampaignSubmission s = campaign.submission();
        if (s.startDate() == null || s.endDate() == null) {
            return;
        }
        if (s.endDate().isBefore(s.startDate())) {
            findings.report(RuleIds.DATE_ORDER, Location.field("endDate"),
                    "the campaign ends (" + s.endDate() + ") before it starts (" + s.startDate() + ")",
                    "correct startDate or endDate");
            return;
        }
        if (s.startDate().isBefore(campaign.today())) {
            findings.report(RuleIds.START_DATE_PASSED, Location.field("startDate"),
                    "the start date " + s.startDate() + " has already passed (QA ran on " + campaign.today() + ")",
                    "move the start date to today or later, or confirm the campaign is already live");
        }
        long days = ChronoUnit.DAYS.between(s.startDate(), s.endDate()) + 1;
        int maximum = campaign.book().plan().maximumDurationDays();
        if (days > maximum) {
            findings.report(RuleIds.DURATION, Location.field("endDate"),
                    "the campaign runs " + days + " days, longer than the " + maximum + " days policy allows",
                    "split it into flights of at most " + maximum + " days, each with its own QA");
        }
    }
}
