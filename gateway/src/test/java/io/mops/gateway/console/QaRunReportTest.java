package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QaRunReportTest {

    private static final Viewer COE = new Viewer("carol", false, true, null, List.of(), "Bearer c");
    private static final Viewer TEAM = new Viewer("erin", false, false, "email", List.of(), "Bearer e");
    private static final Instant AT = Instant.parse("2026-12-07T10:02:00Z");

    private static final QaApi.Finding TIMED_OUT = new QaApi.Finding("links.resolves", "warn",
            "creatives.email.html", "html > body > p > a",
            "needs review: could not tell whether https://shop.test/a works — no answer within 2 s",
            "open the link yourself", true, null);
    private static final QaApi.Finding DISMISSED = new QaApi.Finding("images.reachable", "warn",
            "creatives.email.html", "html > body > img",
            "needs review: could not tell whether the image https://cdn.test/b.png loads — 503",
            "open the image yourself", true, new QaApi.Dismissal("carol", "It loads in three browsers.", AT));
    private static final QaApi.Finding BROKEN = new QaApi.Finding("links.resolves", "block", "trackingLinks[0]", null,
            "the link https://shop.test/c is broken: 404", "correct the address", false, null);

    private static QaApi.Run run(QaApi.Finding... findings) {
        return new QaApi.Run("7c9e6679-7425-40de-944b-e07fc1f90ae7", "winter-news", "email", "blocked", 61, 3,
                "mops-default", 3, List.of(findings), "erin", AT);
    }

    @Test
    void aNeedsReviewFindingIsLabelledWithTheReasonItsCheckGave() {
        QaRunReport.Row row = QaRunReport.of(run(TIMED_OUT), COE).rows().get(0);
        assertEquals("Needs review", row.label());
        assertEquals("could not tell whether https://shop.test/a works — no answer within 2 s", row.reviewNote());
        assertEquals("creatives.email.html @ html > body > p > a", row.location());
        assertEquals(0, row.index());
    }

    @Test
    void aDecidedFindingKeepsItsSeverityAndHasNoReviewNote() {
        QaRunReport.Row row = QaRunReport.of(run(BROKEN), COE).rows().get(0);
        assertEquals("block", row.label());
        assertNull(row.reviewNote());
        assertEquals("trackingLinks[0]", row.location());
        assertFalse(row.dismissible());
    }

    @Test
    void onlyTheCoeGetsADismissalFormAndOnlyForAStandingNeedsReviewFinding() {
        QaRunReport forCoe = QaRunReport.of(run(BROKEN, TIMED_OUT, DISMISSED), COE);
        assertEquals(List.of(false, true, false), forCoe.rows().stream().map(QaRunReport.Row::dismissible).toList());
        assertEquals(List.of(0, 1, 2), forCoe.rows().stream().map(QaRunReport.Row::index).toList());
        assertEquals(1, forCoe.standingReviews());
        assertTrue(forCoe.rows().get(2).dismissed());
        assertEquals("carol", forCoe.rows().get(2).dismissal().by());

        QaRunReport forTeam = QaRunReport.of(run(BROKEN, TIMED_OUT, DISMISSED), TEAM);
        assertEquals(List.of(false, false, false), forTeam.rows().stream().map(QaRunReport.Row::dismissible).toList());
        assertEquals(1, forTeam.standingReviews());
    }

    @Test
    void aBlockNeverGetsADismissalFormEvenIfItSaidItNeedsReview() {
        QaApi.Finding odd = new QaApi.Finding("links.resolves", "block", "links", null, "needs review: x", null, true,
                null);
        assertFalse(QaRunReport.of(run(odd), COE).rows().get(0).dismissible());
    }

    @Test
    void aDismissalNeedsAReasonOfAtMost2000Characters() {
        assertEquals("Give a reason: say what you checked and what you found.", QaRunReport.problem(null));
        assertEquals("Give a reason: say what you checked and what you found.", QaRunReport.problem("  \n"));
        assertEquals("The reason is longer than 2,000 characters.", QaRunReport.problem("x".repeat(2001)));
        assertNull(QaRunReport.problem("x".repeat(2000)));
    }

    @Test
    void theLabelIsTakenOffTheMessageOnlyAtItsStart() {
        assertEquals("timed out", QaRunReport.reviewNote("Needs review: timed out"));
        assertEquals("the page says it needs review: later", QaRunReport.reviewNote("the page says it needs review: later"));
        assertEquals("", QaRunReport.reviewNote(null));
    }
}
