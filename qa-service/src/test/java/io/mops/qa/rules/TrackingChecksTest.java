package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mops.qa.rules.Reviewed.findings;
import static io.mops.qa.rules.Reviewed.onlyFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackingChecksTest {

    private static final String GOOD_TAGS = "utm_source=google&utm_medium=cpc&utm_campaign=2026-11-black-friday-us";

    private static QaResult searchAdLinkingTo(String url) {
        return SampleCampaign.goodSearchAd()
                .with("/trackingLinks", List.of(url))
                .with("/creatives/landingPageUrl", url)
                .review();
    }

    @Test
    void aLinkWithoutCampaignTagsIsFlaggedPerLink() {
        QaResult result = searchAdLinkingTo("https://www.northwind.example/winter-jackets?utm_source=google&utm_medium=cpc");
        List<Finding> missing = findings(result, RuleIds.UTM_PRESENT);
        assertEquals(2, missing.size());
        assertTrue(missing.getFirst().message().contains("utm_campaign"));
    }

    @Test
    void theMediumMustMatchTheChannel() {
        QaResult result = searchAdLinkingTo("https://www.northwind.example/winter-jackets?utm_source=google&utm_medium=email&utm_campaign=2026-11-black-friday-us");
        assertEquals(2, findings(result, RuleIds.UTM_MEDIUM).size());
        assertEquals(Verdict.NEEDS_APPROVAL, result.verdict());
    }

    @Test
    void theSourceMustComeFromTheOrganisationsList() {
        QaResult result = searchAdLinkingTo("https://www.northwind.example/winter-jackets?utm_source=adwords&utm_medium=cpc&utm_campaign=2026-11-black-friday-us");
        assertEquals(2, findings(result, RuleIds.UTM_SOURCE).size());
    }

    @Test
    void tagValuesMustBeLowercase() {
        QaResult result = searchAdLinkingTo("https://www.northwind.example/winter-jackets?utm_source=google&utm_medium=CPC&utm_campaign=2026-11-black-friday-us");
        assertEquals(2, findings(result, RuleIds.UTM_LOWERCASE).size());
        assertTrue(findings(result, RuleIds.UTM_MEDIUM).isEmpty(), "the medium is right apart from its case");
    }

    @Test
    void theCampaignTagFollowsTheNamingPattern() {
        QaResult result = searchAdLinkingTo("https://www.northwind.example/winter-jackets?utm_source=google&utm_medium=cpc&utm_campaign=bf_jackets");
        assertEquals(2, findings(result, RuleIds.CAMPAIGN_NAME).size());
    }

    @Test
    void theSameDestinationWithOtherTagsIsInconsistent() {
        QaResult result = SampleCampaign.goodSearchAd()
                .with("/trackingLinks", List.of("https://www.northwind.example/winter-jackets?utm_source=bing&utm_medium=cpc&utm_campaign=2026-11-black-friday-us"))
                .review();
        Finding finding = onlyFinding(result, RuleIds.CONSISTENT_TAGS);
        assertEquals("creatives.landingPageUrl", finding.location().field());
    }

    @Test
    void tagOrderDoesNotMakeLinksDifferent() {
        QaResult result = SampleCampaign.goodSearchAd()
                .with("/trackingLinks", List.of("https://www.northwind.example/winter-jackets?utm_campaign=2026-11-black-friday-us&utm_medium=cpc&utm_source=google"))
                .review();
        assertEquals(Verdict.PASS, result.verdict(), () -> SampleCampaignsTest.describe(result.findings()));
    }

    @Test
    void twoCampaignTagsInOneCampaignAreInconsistent() {
        QaResult result = SampleCampaign.goodSearchAd()
                .with("/trackingLinks", List.of("https://www.northwind.example/boots?utm_source=google&utm_medium=cpc&utm_campaign=2026-11-boots-us"))
                .review();
        Finding finding = onlyFinding(result, RuleIds.CONSISTENT_TAGS);
        assertTrue(finding.message().contains("2026-11-boots-us"));
    }

    @Test
    void placeholderRelativeAndScriptLinksBlock() {
        for (String url : List.of("#", "/winter-jackets?" + GOOD_TAGS, "javascript:alert(1)", "https://www.northwind.example/winter jackets")) {
            QaResult result = SampleCampaign.goodSearchAd().with("/trackingLinks", List.of(url)).review();
            Finding finding = onlyFinding(result, RuleIds.LINK_WELL_FORMED);
            assertEquals(Severity.BLOCK, finding.severity());
            assertEquals("trackingLinks[0]", finding.location().field());
        }
    }

    @Test
    void plainHttpIsAWarning() {
        QaResult result = searchAdLinkingTo("http://www.northwind.example/winter-jackets?" + GOOD_TAGS);
        assertEquals(2, findings(result, RuleIds.LINK_HTTPS).size());
        assertEquals(Verdict.NEEDS_APPROVAL, result.verdict());
    }

    @Test
    void unsubscribeLinksAreNotCampaignTraffic() {
        // The good email's unsubscribe and preference links carry no UTM tags, and must not be asked to.
        assertEquals(Verdict.PASS, SampleCampaign.goodEmail().review().verdict());
    }

    @Test
    void linksInTheEmailAreLocatedByTheirElement() {
        QaResult result = SampleCampaign.goodEmail()
                .replace("/creatives/email/html", "winter-jackets?utm_source=newsletter", "winter-jackets?utm_source=Newsletter")
                .review();
        Finding finding = findings(result, RuleIds.UTM_LOWERCASE).getFirst();
        assertEquals(CampaignUnderReview.EMAIL_HTML, finding.location().field());
        assertTrue(finding.location().element().endsWith("td > p:nth-child(4) > a"), finding.location().element());
    }
}
