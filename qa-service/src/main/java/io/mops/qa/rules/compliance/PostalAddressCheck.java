package io.mops.qa.rules.compliance;

import io.mops.qa.campaign.EmailCreative;
import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A commercial email shows the sender's valid physical postal address (CAN-SPAM 15 U.S.C. 7704(a)(5)(A)(iii);
 * CASL's identification requirements). The rule set's patterns recognise the address formats the organisation uses.
 */
public final class PostalAddressCheck implements CampaignCheck {

    private final List<Pattern> addressPatterns;

    public PostalAddressCheck(RuleBook book) {
        this.addressPatterns = Patterns.compile(book.email().postalAddressPatterns());
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.emailHtml().ifPresent(html -> {
            if (!Patterns.anyFinds(addressPatterns, html.body().text())) {
                findings.report(RuleIds.POSTAL_ADDRESS, Location.field(CampaignUnderReview.EMAIL_HTML),
                        "the email shows no physical postal address",
                        "add the organisation's postal address (street, city, postcode) to the footer");
            }
        });
        String plainText = campaign.email().map(EmailCreative::plainText).orElse(null);
        if (plainText != null && !plainText.isBlank() && !Patterns.anyFinds(addressPatterns, plainText)) {
            findings.report(RuleIds.POSTAL_ADDRESS, Location.field("creatives.email.plainText"),
                    "the plain-text part shows no physical postal address",
                    "add the postal address to the plain-text part too");
        }
    }
}
