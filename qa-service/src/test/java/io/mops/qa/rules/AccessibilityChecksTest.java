package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import static io.mops.qa.rules.Reviewed.findings;
import static io.mops.qa.rules.Reviewed.onlyFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessibilityChecksTest {

    private static final String HTML = "/creatives/email/html";

    @Test
    void anImageWithoutAltTextIsLocatedByItsElement() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, " alt=\"Three hikers in Northwind down jackets on a snowy ridge\"", "")
                .review();
        Finding finding = onlyFinding(result, RuleIds.IMAGE_ALT);
        assertEquals(Severity.WARN, finding.severity());
        assertTrue(finding.location().element().endsWith("td > img:nth-child(5)"), finding.location().element());
    }

    @Test
    void aLinkedImageWithEmptyAltLeavesTheLinkNameless() {
        QaResult result = SampleCampaign.goodEmail().replace(HTML, "alt=\"Northwind Outfitters\"", "alt=\"\"").review();
        assertTrue(onlyFinding(result, RuleIds.IMAGE_ALT).message().contains("only content of a link"));
    }

    @Test
    void trackingPixelsNeedNoAltText() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, "width=\"1\" height=\"1\" alt=\"\"", "width=\"1\" height=\"1\"")
                .review();
        assertEquals(Verdict.PASS, result.verdict());
    }

    @Test
    void clickHereSaysNothingAboutTheDestination() {
        QaResult result = SampleCampaign.goodEmail().replace(HTML, ">Shop winter jackets<", ">Click here!<").review();
        assertEquals(Severity.WARN, onlyFinding(result, RuleIds.LINK_TEXT).severity());
    }

    @Test
    void anAriaLabelNamesAVagueLink() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, ">Shop winter jackets<", " aria-label=\"Shop winter jackets\">More<")
                .replace(HTML, "<a href=\"https://www.northwind.example/winter-jackets", "<a aria-label=\"Shop winter jackets\" href=\"https://www.northwind.example/winter-jackets")
                .review();
        assertTrue(findings(result, RuleIds.LINK_TEXT).isEmpty());
    }

    @Test
    void anHtmlEmailWithoutPlainTextPartNeedsApproval() {
        QaResult result = SampleCampaign.goodEmail().with("/creatives/email/plainText", null).review();
        assertEquals(Severity.WARN, onlyFinding(result, RuleIds.PLAIN_TEXT_PART).severity());
    }

    @Test
    void aMissingLanguageIsOnlyInformation() {
        QaResult result = SampleCampaign.goodEmail().replace(HTML, "<html lang=\"en\">", "<html>").review();
        assertEquals(Severity.INFO, onlyFinding(result, RuleIds.HTML_LANG).severity());
        assertEquals(Verdict.PASS, result.verdict());
        assertEquals(2, result.riskScore());
    }

    @Test
    void malformedHtmlStillGetsEveryOtherCheckAndAFindingSayingSo() {
        QaResult result = SampleCampaign.goodEmail()
                .replace(HTML, "<h1>Black Friday: 30% off winter jackets</h1>", "<h1>Black Friday <b>30% off</h1></i></span>")
                .replace(HTML, ">Shop winter jackets<", ">here<")
                .review();
        Finding malformed = findings(result, RuleIds.HTML_WELL_FORMED).getFirst();
        assertTrue(malformed.message().contains("parse errors"), malformed.message());
        assertEquals(1, findings(result, RuleIds.LINK_TEXT).size(), "the repaired document is still checked");
    }

    @Test
    void htmlThatIsNotHtmlAtAllIsStillReviewed() {
        QaResult result = SampleCampaign.goodEmail().with(HTML, "<<<>>> \u0000 </table></table> <a href=").review();
        assertEquals(Verdict.BLOCKED, result.verdict(), "no unsubscribe link and no address survive that");
        assertTrue(Reviewed.ruleIds(result).contains(RuleIds.HTML_WELL_FORMED));
    }
}
