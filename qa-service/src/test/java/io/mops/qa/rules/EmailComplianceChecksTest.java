package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mops.qa.rules.Reviewed.findings;
import static io.mops.qa.rules.Reviewed.onlyFinding;
import static io.mops.qa.rules.Reviewed.ruleIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailComplianceChecksTest {

    private static final String HTML = "/creatives/email/html";
    private static final String UNSUBSCRIBE_LINK = "<a href=\"https://www.northwind.example/unsubscribe?u=8f3a\">Unsubscribe</a>";
    private static final String PREFERENCES_LINK = " or <a href=\"https://www.northwind.example/preferences?u=8f3a\">manage preferences</a>";

    @Test
    void anEmailWithoutUnsubscribeLinkIsBlocked() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, UNSUBSCRIBE_LINK, "")
                .replace(HTML, PREFERENCES_LINK, "")
                .review();
        Finding finding = onlyFinding(result, RuleIds.UNSUBSCRIBE_LINK);
        assertEquals(Severity.BLOCK, finding.severity());
        assertEquals(Verdict.BLOCKED, result.verdict());
    }

    @Test
    void anUnsubscribeLinkToNowhereDoesNotCount() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, "https://www.northwind.example/unsubscribe?u=8f3a", "#unsubscribe")
                .replace(HTML, PREFERENCES_LINK, "")
                .review();
        Finding finding = findings(result, RuleIds.UNSUBSCRIBE_LINK).getFirst();
        assertTrue(finding.location().element().endsWith("> a"), finding.location().toString());
    }

    @Test
    void aMailtoUnsubscribeWorks() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, "https://www.northwind.example/unsubscribe?u=8f3a", "mailto:unsubscribe@northwind.example")
                .replace(HTML, PREFERENCES_LINK, "")
                .review();
        assertEquals(Verdict.PASS, result.verdict(), () -> SampleCampaignsTest.describe(result.findings()));
    }

    @Test
    void thePlainTextPartNeedsUnsubscribeInstructionsToo() {
        QaResult result = SampleCampaign.goodEmail()
                .replace("/creatives/email/plainText", "Unsubscribe: https://www.northwind.example/unsubscribe?u=8f3a", "")
                .review();
        assertEquals("creatives.email.plainText", onlyFinding(result, RuleIds.UNSUBSCRIBE_LINK).location().field());
    }

    @Test
    void anEmailWithoutPostalAddressIsBlocked() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, "<p>Northwind Outfitters, 500 Market Street, San Francisco, CA 94105</p>", "")
                .review();
        assertEquals(Severity.BLOCK, onlyFinding(result, RuleIds.POSTAL_ADDRESS).severity());
    }

    @Test
    void postalAddressesAreRecognisedInTheFormatsOfTheRuleSet() {
        for (String address : List.of("PO Box 1200, Portland OR", "210 Queen St W, Toronto ON M5V 1Z4",
                "1 Fleet Place, London EC4M 7RA", "Torstraße 140, 10119 Berlin")) {
            QaResult result = SampleCampaign.goodEmail()
                    .replace(HTML, "Northwind Outfitters, 500 Market Street, San Francisco, CA 94105", "Northwind Outfitters, " + address)
                    .review();
            assertTrue(findings(result, RuleIds.POSTAL_ADDRESS).isEmpty(), address);
        }
    }

    @Test
    void aZipCodeLikeNumberInTheCopyIsNotAnAddress() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, "<p>Northwind Outfitters, 500 Market Street, San Francisco, CA 94105</p>", "<p>Collect up to 50000 points.</p>")
                .review();
        assertEquals(1, findings(result, RuleIds.POSTAL_ADDRESS).size());
    }

    @Test
    void sendingFromAForeignDomainMisrepresentsTheSender() {
        Finding finding = onlyFinding(SampleCampaign.goodEmail()
                .with("/creatives/email/senderAddress", "deals@northwind-deals.example").review(), RuleIds.SENDER_IDENTITY);
        assertEquals("creatives.email.senderAddress", finding.location().field());
    }

    @Test
    void aSubdomainOfTheSendingDomainIsTheOrganisation() {
        assertEquals(Verdict.PASS, SampleCampaign.goodEmail()
                .with("/creatives/email/senderAddress", "news@mail.northwind.example").review().verdict());
    }

    @Test
    void aSenderNameCarryingAnotherAddressIsDeceptive() {
        Finding finding = onlyFinding(SampleCampaign.goodEmail()
                .with("/creatives/email/senderName", "support@paypal.example").review(), RuleIds.SENDER_IDENTITY);
        assertEquals("creatives.email.senderName", finding.location().field());
    }

    @Test
    void aFakeReplySubjectIsBlocked() {
        for (String subject : List.of("RE: your order", "Fwd: Black Friday", "Your account has been suspended",
                "You have won a jacket", "Action required: confirm your details")) {
            QaResult result = SampleCampaign.goodEmail().with("/creatives/email/subject", subject).review();
            assertEquals(Severity.BLOCK, onlyFinding(result, RuleIds.SUBJECT_LINE).severity(), subject);
        }
    }

    @Test
    void anEuAudienceWithoutConsentIsBlockedUnderGdpr() {
        QaResult result = SampleCampaign.goodEmail()
                .with("/audience/regions", List.of("US", "FR"))
                .with("/audience/consentBasis", "none")
                .review();
        Finding finding = onlyFinding(result, RuleIds.CONSENT_BASIS);
        assertTrue(finding.message().contains("FR") && finding.message().contains("GDPR"), finding.message());
        assertTrue(!finding.message().contains("US"), "CAN-SPAM is an opt-out regime for email");
    }

    @Test
    void canSpamNeedsNoConsentBasisForEmail() {
        assertEquals(Verdict.PASS, SampleCampaign.goodEmail().with("/audience/consentBasis", null).review().verdict());
    }

    @Test
    void caslAcceptsImpliedConsentButGdprDoesNot() {
        SampleCampaign canada = SampleCampaign.goodEmail()
                .with("/audience/regions", List.of("CA"))
                .with("/audience/consentBasis", "implied-consent");
        assertTrue(ruleIds(canada.review()).isEmpty());
        SampleCampaign germany = SampleCampaign.goodEmail()
                .with("/audience/regions", List.of("DE"))
                .with("/audience/consentBasis", "implied-consent");
        onlyFinding(germany.review(), RuleIds.CONSENT_BASIS);
    }
}
