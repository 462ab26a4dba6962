package io.mops.qa.rules.compliance;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A marketing text tells recipients how to stop further texts and says who sends it (TCPA opt-out rules,
 * 47 CFR 64.1200; CTIA Messaging Principles and Best Practices; CASL s.11).
 */
public final class SmsOptOutCheck implements CampaignCheck {

    private final List<Pattern> optOut;
    private final List<String> brandNames;
    private final List<String> brandNamesLowercase;

    public SmsOptOutCheck(RuleBook book) {
        this.optOut = Patterns.compile(book.sms().optOutPatterns());
        this.brandNames = book.sms().brandNames();
        this.brandNamesLowercase = brandNames.stream().map(b -> b.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.sms().ifPresent(sms -> {
            String text = sms.text();
            if (text == null || text.isBlank()) {
                return;
            }
            if (!Patterns.anyFinds(optOut, text)) {
                findings.report(RuleIds.SMS_OPT_OUT, Location.field("creatives.sms.text"),
                        "the text message has no opt-out instructions",
                        "end the message with 'Reply STOP to opt out'");
            }
            String lower = text.toLowerCase(Locale.ROOT);
            if (!brandNamesLowercase.isEmpty() && brandNamesLowercase.stream().noneMatch(lower::contains)) {
                findings.report(RuleIds.SMS_SENDER_IDENTIFIED, Location.field("creatives.sms.text"),
                        "the text message does not say who sends it",
                        "start the message with the brand name, e.g. '" + brandNames.getFirst() + ": ...'");
            }
        });
    }
}
