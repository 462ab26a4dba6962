package io.mops.qa.rules.compliance;

import io.mops.qa.campaign.EmailCreative;
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
 * The "From" line says truthfully who sends (CAN-SPAM 15 U.S.C. 7704(a)(1), CASL s.6(2)): the address is one of the
 * organisation's sending domains, and the display name does not carry another address.
 */
public final class SenderIdentityCheck implements CampaignCheck {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    private final List<String> sendingDomains;

    public SenderIdentityCheck(RuleBook book) {
        this.sendingDomains = book.email().sendingDomains().stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.email().ifPresent(email -> {
            checkAddress(email, findings);
            checkName(email, findings);
        });
    }

    private void checkAddress(EmailCreative email, Findings findings) {
        String address = email.senderAddress();
        if (address == null || address.isBlank()) {
            return;
        }
        var match = ADDRESS.matcher(address.trim());
        if (!match.matches()) {
            findings.report(RuleIds.SENDER_IDENTITY, Location.field("creatives.email.senderAddress"),
                    "'" + address + "' is not an email address", "use an address such as news@<sending domain>");
            return;
        }
        String domain = match.group(1).toLowerCase(Locale.ROOT);
        if (!isSendingDomain(domain)) {
            findings.report(RuleIds.SENDER_IDENTITY, Location.field("creatives.email.senderAddress"),
                    "the sender domain " + domain + " is not one of the organisation's sending domains "
                            + sendingDomains,
                    "send from an address at " + String.join(" or ", sendingDomains));
        }
    }

    private void checkName(EmailCreative email, Findings findings) {
        String name = email.senderName();
        if (name == null) {
            return;
        }
        var embedded = ADDRESS.matcher(name);
        while (embedded.find()) {
            if (!isSendingDomain(embedded.group(1).toLowerCase(Locale.ROOT))) {
                findings.report(RuleIds.SENDER_IDENTITY, Location.field("creatives.email.senderName"),
                        "the sender name shows the address " + embedded.group() + ", which is not the organisation's",
                        "use the brand's name as the sender name");
            }
        }
    }

    private boolean isSendingDomain(String domain) {
        return sendingDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }
}
