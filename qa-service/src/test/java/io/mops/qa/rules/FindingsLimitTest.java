package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mops.qa.rules.Reviewed.findings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingsLimitTest {

    @Test
    void aRuleListsAtMostTwentyFiveFindingsAndSumsUpTheRest() {
        String images = "<img src=\"https://cdn.northwind.example/p.png\">".repeat(40);
        QaResult result = SampleCampaign.goodEmail()
                .replace("/creatives/email/html", "</table>", "</table>" + images)
                .review();
        List<Finding> missingAlt = findings(result, RuleIds.IMAGE_ALT);
        assertEquals(Findings.MAX_PER_RULE + 1, missingAlt.size());
        assertTrue(missingAlt.stream().anyMatch(f -> f.message().startsWith("15 more findings of a11y.image-alt")),
                SampleCampaignsTest.describe(missingAlt));
    }

    @Test
    void aDeeplyNestedDocumentGetsShortLocations() {
        String nested = "<div>".repeat(200) + "<img src=\"https://cdn.northwind.example/deep.png\">";
        QaResult result = SampleCampaign.goodEmail()
                .replace("/creatives/email/html", "</table>", "</table>" + nested)
                .review();
        String element = findings(result, RuleIds.IMAGE_ALT).getFirst().location().element();
        assertEquals(ElementPath.MAX_STEPS, element.split(" > ").length);
        assertTrue(element.endsWith("div > img"), element);
    }
}
