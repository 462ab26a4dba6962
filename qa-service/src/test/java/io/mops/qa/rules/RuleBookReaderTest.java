package io.mops.qa.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleBookReaderTest {

    private final RuleBookReader reader = new RuleBookReader();

    @Test
    void theBundledRuleSetConfiguresEveryRuleQaKnows() {
        RuleBook book = reader.bundledDefault();
        assertEquals("mops-default", book.name());
        assertEquals(RuleIds.ALL, book.rules().keySet());
        assertTrue(book.rules().values().stream().allMatch(r -> r.source() != null && !r.source().isBlank()),
                "every rule names its source");
    }

    @Test
    void aRuleSetSurvivesBeingWrittenAndReadAgain() {
        RuleBook book = reader.bundledDefault();
        assertEquals(book, reader.read(reader.write(book)));
    }

    @Test
    void anUnknownRuleIsRefusedByName() {
        ObjectNode document = defaultDocument();
        ObjectNode rules = (ObjectNode) document.get("rules");
        rules.set("a11y.html-language", rules.remove("a11y.html-lang"));
        assertEquals("rules.a11y.html-language", refused(document).getFirst().field());
    }

    @Test
    void aPatternThatDoesNotCompileIsRefusedWithItsPosition() {
        ObjectNode document = defaultDocument();
        ((ArrayNode) document.at("/claims/0/patterns")).set(0, "(free");
        assertEquals("claims[0].patterns[0]", refused(document).getFirst().field());
    }

    @Test
    void anUnknownSeverityIsRefusedWithItsField() {
        ObjectNode document = defaultDocument();
        ((ObjectNode) document.at("/rules/plan.budget")).put("severity", "fatal");
        assertEquals("rules.plan.budget.severity", refused(document).getFirst().field());
    }

    @Test
    void aSendingWindowMustEndAfterItStarts() {
        ObjectNode document = defaultDocument();
        ((ObjectNode) document.at("/regimes/0/sms")).put("sendUntil", "07:00");
        assertEquals("regimes[0].sms.sendUntil", refused(document).getFirst().field());
    }

    @Test
    void spamThresholdsAreRequiredWithTheRuleAndTheReviewBandLiesBelowTheThreshold() {
        ObjectNode inverted = defaultDocument();
        ((ObjectNode) inverted.at("/spam")).put("reviewFrom", 6.0);
        assertEquals("spam.reviewFrom", refused(inverted).getFirst().field());

        ObjectNode missing = defaultDocument();
        missing.remove("spam");
        assertEquals("spam", refused(missing).getFirst().field());
    }

    @Test
    void theClientSupportDataSetMustBeTheShippedOneAndItsClientsKnown() {
        ObjectNode otherData = defaultDocument();
        ((ObjectNode) otherData.at("/clientSupport")).put("dataSet", "caniemail@1.0.0");
        assertEquals("clientSupport.dataSet", refused(otherData).getFirst().field());

        ObjectNode unknownClient = defaultDocument();
        ((ObjectNode) unknownClient.at("/clientSupport/clients")).putArray("lotus-notes").add("windows");
        assertEquals("clientSupport.clients.lotus-notes", refused(unknownClient).getFirst().field());
    }

    @Test
    void anUnknownFieldIsRefusedRatherThanIgnored() {
        ObjectNode document = defaultDocument();
        ((ObjectNode) document.get("plan")).put("minimumAudience", 10);
        assertEquals("plan.minimumAudience", refused(document).getFirst().field());
    }

    @Test
    void notJsonIsRefusedAsADocumentProblem() {
        InvalidRuleBookException e = assertThrows(InvalidRuleBookException.class, () -> reader.read("{ rules: "));
        assertEquals("document", e.problems().getFirst().field());
    }

    @Test
    void aDisabledRuleIsNotChecked() {
        ObjectNode document = defaultDocument();
        ((ObjectNode) document.at("/rules/email.postal-address")).put("enabled", false);
        RuleBook lenient = reader.read(document.toString());
        QaResult result = new CampaignQa(lenient).review(SampleCampaign.goodEmail()
                .replace("/creatives/email/html", "<p>Northwind Outfitters, 500 Market Street, San Francisco, CA 94105</p>", "")
                .submission(), SampleCampaign.QA_DAY);
        assertEquals(Verdict.PASS, result.verdict());
    }

    @Test
    void aRuleMissingFromTheRuleSetIsNotChecked() {
        ObjectNode document = defaultDocument();
        ((ObjectNode) document.get("rules")).remove("a11y.plain-text-part");
        QaResult result = new CampaignQa(reader.read(document.toString()))
                .review(SampleCampaign.goodEmail().with("/creatives/email/plainText", null).submission(), SampleCampaign.QA_DAY);
        assertEquals(Verdict.PASS, result.verdict());
    }

    @Test
    void severityIsData() {
        ObjectNode document = defaultDocument();
        ((ObjectNode) document.at("/rules/a11y.html-lang")).put("severity", "block");
        QaResult result = new CampaignQa(reader.read(document.toString())).review(SampleCampaign.goodEmail()
                .replace("/creatives/email/html", "<html lang=\"en\">", "<html>").submission(), SampleCampaign.QA_DAY);
        assertEquals(Verdict.BLOCKED, result.verdict());
    }

    private ObjectNode defaultDocument() {
        try {
            return (ObjectNode) SampleCampaign.JSON.readTree(reader.write(reader.bundledDefault()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private java.util.List<InvalidRuleBookException.Problem> refused(com.fasterxml.jackson.databind.JsonNode document) {
        return assertThrows(InvalidRuleBookException.class, () -> reader.read(document.toString())).problems();
    }
}
