package io.mops.qa.brand;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.Creatives;
import io.mops.qa.campaign.EmailCreative;
import io.mops.qa.campaign.SmsCreative;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import io.mops.qa.rules.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the real in-process model: the thresholds of the bundled rule set must hold for real sentences. */
class BrandVoiceCheckTest {

    private static final BrandVoice VOICE = new BrandVoice(new AllMiniLmL6V2EmbeddingModel());
    private static final BrandVoiceCheck CHECK = new BrandVoiceCheck(VOICE);
    private static final RuleBook RULES = new RuleBookReader().bundledDefault();

    private static final String JACKETS = "Gear up for the first snow: our warm winter jackets are built to last, "
            + "and they are 20% off this week.";
    private static final String BOOTS = "Trail season is here. Find hiking boots that keep your feet dry from the "
            + "first mile to the last.";
    private static final String PUSHY = "BUY NOW!!! LAST CHANCE!!! Prices this low will NEVER come back, act "
            + "immediately or miss out forever!!!";

    private static final List<CorpusExample> CORPUS = List.of(
            example(Stance.APPROVED, JACKETS), example(Stance.APPROVED, BOOTS), example(Stance.REJECTED, PUSHY));

    private static CorpusExample example(Stance stance, String text) {
        return new CorpusExample(UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)), stance, text, VOICE.embed(text));
    }

    private static CampaignSubmission sms(String brand, String text) {
        return new CampaignSubmission("c-1", "Winter", "sms", null, null, null, null, List.of(),
                new Creatives(null, null, new SmsCreative(text, null), null), List.of(), brand, null, null);
    }

    @Test
    void aNearDuplicateOfAnApprovedExampleScoresHighAndPasses() {
        String copy = "Gear up for the first snow: our warm winter jackets are built to last and are 20% off this week.";

        BrandVoice.Placement placement = VOICE.place(copy, CORPUS);

        assertTrue(placement.closestApproved() > 0.9, "similarity " + placement.closestApproved());
        assertEquals(JACKETS, placement.approved().getFirst().example().text());
        assertEquals(List.of(), CHECK.review(sms("northwind", copy), RULES, CORPUS));
    }

    @Test
    void offBrandCopyIsAWarningQuotingTheNearestApprovedExamples() {
        String copy = "The board approved the revised dividend policy; the quarterly earnings call transcript is "
                + "available to shareholders.";

        List<Finding> findings = CHECK.review(sms("northwind", copy), RULES, CORPUS);

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.getFirst();
        assertEquals("brand.voice", finding.ruleId());
        assertEquals(Severity.WARN, finding.severity());
        assertTrue(finding.message().contains("does not sound like brand 'northwind'"), finding.message());
        assertTrue(finding.message().contains("\"Gear up for the first snow") || finding.message().contains("\"Trail"),
                finding.message());
    }

    @Test
    void copyCloseToARejectedExampleIsAWarningQuotingIt() {
        String copy = "BUY NOW!!! LAST CHANCE!!! Prices this low will NEVER return, act now or miss out forever!!!";

        List<Finding> findings = CHECK.review(sms("northwind", copy), RULES, CORPUS);

        assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.WARN
                && f.message().contains("sounds like what brand 'northwind' rejected")
                && f.message().contains("\"BUY NOW!!!")), findings.toString());
    }

    /** Cosine similarity written out, independently of the library the check uses. */
    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
            normA += a[i] * (double) a[i];
            normB += b[i] * (double) b[i];
        }
        return dot / Math.sqrt(normA * normB);
    }

    @Test
    void theOutcomeNamesTheNearestApprovedAndRejectedExamplesTheCopyWasComparedWith() {
        String copy = "Gear up for the first snow: our warm winter jackets are built to last and are 20% off this week.";
        float[] embedded = VOICE.embed(copy);

        BrandVoiceCheck.Outcome outcome = CHECK.judge(sms("northwind", copy), RULES, CORPUS);

        // The bundled rule set quotes 2 examples of each stance: both approved ones, closest first, then the one
        // rejected example the corpus has.
        assertEquals(2, RULES.brandVoice().nearestExamples());
        List<Resemblance> nearest = outcome.nearest();
        assertEquals(List.of(JACKETS, BOOTS, PUSHY), nearest.stream().map(r -> r.example().text()).toList());
        assertEquals(List.of(Stance.APPROVED, Stance.APPROVED, Stance.REJECTED),
                nearest.stream().map(r -> r.example().stance()).toList());
        for (Resemblance r : nearest) {
            assertEquals(cosine(embedded, r.example().vector()), r.similarity(), 1e-5, r.example().text());
        }
        assertEquals(List.of(), outcome.findings());
    }

    @Test
    void aSkippedCheckComparedWithNothing() {
        BrandVoiceCheck.Outcome outcome = CHECK.judge(sms(null, JACKETS), RULES, CORPUS);

        assertEquals(List.of(), outcome.nearest());
        assertEquals(1, outcome.findings().size());
    }

    @Test
    void withoutABrandTheCheckIsSkippedWithANoteSayingSo() {
        List<Finding> findings = CHECK.review(sms(null, JACKETS), RULES, List.of());

        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.getFirst().severity());
        assertEquals("brand", findings.getFirst().location().field());
        assertTrue(findings.getFirst().message().contains("names no brand"));
    }

    @Test
    void aBrandWithAnEmptyCorpusIsSkippedWithANoteSayingSo() {
        List<Finding> findings = CHECK.review(sms("unknown-brand", JACKETS), RULES, List.of());

        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.getFirst().severity());
        assertTrue(findings.getFirst().message().contains("'unknown-brand' has no examples"));
    }

    @Test
    void emailCopyIsTheSubjectAndTheVisibleTextOfTheHtml() {
        EmailCreative email = new EmailCreative("First snow", "Jackets inside", "Northwind", "news@northwind.example",
                "<html><head><style>p{color:red}</style></head><body><p>Warm <b>jackets</b></p></body></html>", null);
        CampaignSubmission submission = new CampaignSubmission("c-2", null, "email", null, null, null, null,
                List.of(), new Creatives(email, null, null, null), List.of(), "northwind", null, null);

        String copy = CampaignCopy.of(submission);

        assertEquals("First snow\nJackets inside\nWarm jackets", copy);
        assertFalse(copy.contains("color"));
    }
}
