package io.mops.qa.rules.compliance;

import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;

import java.util.List;

/**
 * Where the law makes contact depend on permission (GDPR with the ePrivacy Directive and PECR, CASL, the TCPA for
 * texts), the audience's consent basis must be one the regime accepts, for every regime the audience's countries
 * fall under. Regimes and accepted bases are data in the rule set.
 */
public final class ConsentBasisCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        campaign.creativeKind().ifPresent(kind -> {
            String basis = campaign.submission().audience().consentBasis();
            List<String> regions = campaign.submission().audience().regions();
            for (RuleBook.Regime regime : campaign.book().regimesFor(regions)) {
                regime.forCreative(kind).filter(RuleBook.ChannelRegime::requiresConsent).ifPresent(rules -> {
                    if (basis == null || !rules.acceptedConsentBases().contains(basis)) {
                        List<String> covered = regions.stream().filter(regime.countries()::contains).toList();
                        findings.report(RuleIds.CONSENT_BASIS, Location.field("audience.consentBasis"),
                                (basis == null ? "no consent basis is stated" : "consent basis '" + basis + "' is not enough")
                                        + " for recipients in " + String.join(", ", covered) + " under " + regime.name(),
                                "target only recipients with " + String.join(" or ", rules.acceptedConsentBases())
                                        + ", or drop " + String.join(", ", covered) + " from the audience");
                    }
                });
            }
        });
    }
}
