package io.mops.gateway.console;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmailPreviewTest {

    private static final String EMAIL = """
            <html><body><h1>Sale</h1><p>First</p><p style="color: red">The #1 jacket</p></body></html>""";

    @Test
    void theElementAFindingPointsAtIsOutlinedAndNumberedAndNothingElse() {
        Document shown = Jsoup.parse(EmailPreview.highlighted(EMAIL,
                List.of("html > body > p:nth-child(3)", "not a selector ((")));
        assertEquals(1, shown.select("[data-mops-finding]").size());
        var flagged = shown.selectFirst("[data-mops-finding=1]");
        assertEquals("The #1 jacket", flagged.text());
        assertTrue(flagged.attr("style").startsWith("color: red; outline:"), flagged.attr("style"));
        assertTrue(shown.selectFirst("h1").attr("style").isEmpty());
    }

    @Test
    void aFindingPointsAtItsFieldOrTheEmailAndFieldsItNamesAreMarked() {
        LaunchReview review = new LaunchReview("r", "c", "b", "needs-approval", 40,
                List.of(new LaunchReview.Finding("claims.superlative", "warn", "claims",
                                "creatives.email.preheader", "m", null, false),
                        new LaunchReview.Finding("claims.superlative", "warn", "claims",
                                "creatives.email.html @ html > body > p:nth-child(3)", "m", null, false),
                        new LaunchReview.Finding("tracking.utm", "info", "tracking", "trackingLinks[2]", "m", null, false)),
                null, null, null,
                new java.util.LinkedHashMap<>(java.util.Map.of("creatives.email.preheader", "The #1 jacket")),
                EMAIL, null);
        assertEquals("copy-creatives-email-preheader", review.targetOf(review.findings().get(0)));
        assertEquals("email-preview", review.targetOf(review.findings().get(1)));
        assertEquals(null, review.targetOf(review.findings().get(2)), "no place on the page for a tracking link");
        assertEquals(List.of("html > body > p:nth-child(3)"), review.flaggedElements());
        assertTrue(review.copyFields().getFirst().flagged());
        assertEquals("copy-creatives-ad-headlines-0", LaunchReview.anchor("creatives.ad.headlines[0]"));
    }
}
