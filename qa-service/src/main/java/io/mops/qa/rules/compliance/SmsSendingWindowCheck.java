package io.mops.qa.rules.compliance;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;

import java.time.LocalTime;

/**
 * Texts arrive only within the hours each regime allows in the recipient's local time (TCPA: not before 8am or after
 * 9pm, 47 CFR 64.1200(c)(1); stricter windows where the rule set says so). An audience spanning several regimes must
 * fit all of their windows.
 */
public final class SmsSendingWindowCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.sms().ifPresent(sms -> {
            LocalTime sendAt = sms.sendAt();
            if (sendAt == null) {
                return;
            }
            for (RuleBook.Regime regime : campaign.book().regimesFor(campaign.submission().audience().regions())) {
                RuleBook.ChannelRegime rules = regime.sms();
                if (rules == null || !rules.hasSendingWindow()) {
                    continue;
                }
                if (sendAt.isBefore(rules.sendFrom()) || !sendAt.isBefore(rules.sendUntil())) {
                    findings.report(RuleIds.SMS_SENDING_WINDOW, Location.field("creatives.sms.sendAt"),
                            "sending at " + sendAt + " local time is outside the " + rules.sendFrom() + "–"
                                    + rules.sendUntil() + " window of " + regime.name(),
                            "schedule the send between " + rules.sendFrom() + " and " + rules.sendUntil()
                                    + " recipient local time");
                }
            }
        });
    }
}
