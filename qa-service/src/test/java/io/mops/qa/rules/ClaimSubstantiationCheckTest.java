package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mops.qa.rules.Reviewed.findings;
import static io.mops.qa.rules.Reviewed.onlyFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimSubstantiationCheckTest {

    private static QaResult adWithHeadline(String headline) {
        return SampleCampaign.goodSearchAd().with("/creatives/ad/headlines/0", headline).review();
    }

    @Test
    void aSubstantiatedFreeOfferPasses() {
        // The good email says "free shipping" and names the shipping terms as substantiation.
        assertEquals(Verdict.PASS, SampleCampaign.goodEmail().review().verdict());
    }

    @Test
    void withoutItsSubstantiationTheSameOfferNeedsApproval() {
        QaResult result = SampleCampaign.goodEmail().with("/substantiations", List.of()).review();
        List<Finding> claims = findings(result, RuleIds.CLAIM_SUBSTANTIATION);
        assertTrue(claims.size() >= 3, "preheader, HTML paragraph and plain text each carry the claim");
        assertTrue(claims.stream().allMatch(f -> f.severity() == Severity.WARN));
        assertEquals(Verdict.NEEDS_APPROVAL, result.verdict());
    }

    @Test
    void aReferenceMustActuallyBeGiven() {
        QaResult result = SampleCampaign.goodEmail()
                .with("/substantiations", List.of(Map.of("claim", "Free shipping", "reference", " ")))
                .review();
        assertEquals(Verdict.NEEDS_APPROVAL, result.verdict());
    }

    @Test
    void superiorityAndGuaranteeClaimsNeedApproval() {
        for (String headline : List.of("The #1 Winter Jacket", "Best-Selling Down Jacket", "Risk-Free Returns", "Warmth Guaranteed")) {
            Finding finding = onlyFinding(adWithHeadline(headline), RuleIds.CLAIM_SUBSTANTIATION);
            assertEquals(Severity.WARN, finding.severity(), headline);
            assertEquals("creatives.ad.headlines[0]", finding.location().field());
        }
    }

    @Test
    void healthAndFinancialPromisesBlock() {
        for (String headline : List.of("Jackets That Cure Colds", "Lose 5 kg Hiking", "Double Your Money", "Earn $500 a week")) {
            assertEquals(Severity.BLOCK, onlyFinding(adWithHeadline(headline), RuleIds.CLAIM_SUBSTANTIATION).severity(), headline);
        }
    }

    @Test
    void wordsThatMerelyContainAClaimAreNotClaims() {
        for (String headline : List.of("Freedom on the Trail", "Ski Number 12 Bindings", "Securely Guarded Pockets")) {
            assertTrue(findings(adWithHeadline(headline), RuleIds.CLAIM_SUBSTANTIATION).isEmpty(), headline);
        }
    }
}
