package io.mops.qa.review;

import io.mops.qa.rules.Finding;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AiReviewFindingsTest {

    private static final RuleBook BOOK = new RuleBookReader().bundledDefault().withVersion(3);

    private static ReviewNote note(String severity) {
        return new ReviewNote("tone", severity, "Buy now or regret it forever",
                "Threatening regret pressures the reader.", "Invite instead: 'Shop the sale'.");
    }

    private static RuleBook withAiReview(Severity severity, Boolean enabled) {
        var rules = new HashMap<>(BOOK.rules());
        rules.put(RuleIds.AI_REVIEW, new RuleBook.RuleSetting(severity, enabled, "test"));
        return new RuleBook(BOOK.name(), BOOK.version(), BOOK.region(), BOOK.description(), BOOK.channels(), rules,
                BOOK.plan(), BOOK.tracking(), BOOK.email(), BOOK.sms(), BOOK.claims(), BOOK.accessibility(),
                BOOK.regimes(), BOOK.riskWeights(), BOOK.brandVoice(), BOOK.spam(),
                BOOK.clientSupport());
    }

    @Test
    void theModelCannotBlockALaunch() {
        var reviewed = new AiReviewOutcome.Reviewed("m-1", new CopyReview(List.of(note("block"), note("warn"))));
        List<Finding> findings = AiReviewFindings.of(reviewed, withAiReview(Severity.BLOCK, null));
        assertEquals(List.of(Severity.WARN, Severity.WARN), findings.stream().map(Finding::severity).toList());
    }

    @Test
    void theRuleSetCanLowerTheReviewToInformation() {
        var reviewed = new AiReviewOutcome.Reviewed("m-1", new CopyReview(List.of(note("warn"))));
        assertEquals(Severity.INFO, AiReviewFindings.of(reviewed, withAiReview(Severity.INFO, null)).getFirst().severity());
    }

    @Test
    void aFindingNamesTheModelTheConcernTheQuoteAndTheRuleSetVersion() {
        Finding finding = AiReviewFindings.of(new AiReviewOutcome.Reviewed("llama3.1:8b",
                new CopyReview(List.of(note("info")))), BOOK).getFirst();
        assertEquals(RuleIds.AI_REVIEW, finding.ruleId());
        assertEquals(Severity.INFO, finding.severity());
        assertEquals(3, finding.ruleSetVersion());
        assertEquals("AI review by llama3.1:8b, tone (\"Buy now or regret it forever\"): Threatening regret pressures "
                + "the reader.", finding.message());
        assertEquals("Invite instead: 'Shop the sale'.", finding.fixHint());
    }

    @Test
    void aSkippedReviewSaysSoInsteadOfLookingClean() {
        List<Finding> findings = AiReviewFindings.of(new AiReviewOutcome.Skipped("no chat model is configured"), BOOK);
        assertEquals(1, findings.size());
        assertEquals(Severity.INFO, findings.getFirst().severity());
        assertEquals("AI review skipped: no chat model is configured", findings.getFirst().message());
    }

    @Test
    void aFailedReviewIsReportedWithTheModelAndTheReason() {
        Finding finding = AiReviewFindings.of(new AiReviewOutcome.Failed("m-1", 3, "HTTP 503"), BOOK).getFirst();
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.message().startsWith("AI review by m-1 failed after 3 attempts"), finding.message());
        assertTrue(finding.message().endsWith("HTTP 503"), finding.message());
    }

    @Test
    void aReviewWithoutConcernsStillSaysWhoReviewed() {
        Finding finding = AiReviewFindings.of(new AiReviewOutcome.Reviewed("m-1", new CopyReview(List.of())), BOOK)
                .getFirst();
        assertEquals(Severity.INFO, finding.severity());
        assertTrue(finding.message().startsWith("AI review by m-1: no concerns"), finding.message());
    }

    @Test
    void aRuleSetWithoutTheRuleGetsNoAiFindings() {
        var reviewed = new AiReviewOutcome.Reviewed("m-1", new CopyReview(List.of(note("warn"))));
        assertEquals(List.of(), AiReviewFindings.of(reviewed, withAiReview(Severity.WARN, false)));
    }

    @Test
    void theCacheKeyChangesWithModelCopyAndRegionsButNotBetweenEqualInputs() {
        CopyUnderReview copy = new CopyUnderReview("email", List.of("US"), "Winter jackets, 30% off");
        String digest = copy.digest("m-1");
        assertEquals(64, digest.length());
        assertEquals(digest, new CopyUnderReview("email", List.of("US"), "Winter jackets, 30% off").digest("m-1"));
        assertNotEquals(digest, copy.digest("m-2"));
        assertNotEquals(digest, new CopyUnderReview("email", List.of("US", "CA"), copy.copy()).digest("m-1"));
        assertNotEquals(digest, new CopyUnderReview("email", List.of("US"), "Winter jackets, 40% off").digest("m-1"));
    }

    @Test
    void copyBeyondTheLimitIsCutBeforeItReachesTheModel() {
        CopyUnderReview copy = new CopyUnderReview("sms", List.of(), "x".repeat(CopyUnderReview.MAX_COPY_CHARS + 10));
        assertEquals(CopyUnderReview.MAX_COPY_CHARS, copy.copy().length());
        assertEquals("not stated", copy.regionList());
    }
}
