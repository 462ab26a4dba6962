package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DismissalsTest {

    private static Finding decided(Severity severity) {
        return new Finding("a11y.link-text", "mops-default", 1, severity, Location.field("html"), "vague", "hint");
    }

    private static Finding undecided(Severity severity, String field) {
        return new Finding("links.resolves", "mops-default", 1, severity, Location.field(field),
                "needs review: timed out", "open it", true);
    }

    @Test
    void onlyFindingsThatNeedReviewAndAreNoBlockCanBeDismissed() {
        assertTrue(Dismissals.dismissible(undecided(Severity.WARN, "a")));
        assertTrue(Dismissals.dismissible(undecided(Severity.INFO, "a")));
        assertFalse(Dismissals.dismissible(undecided(Severity.BLOCK, "a")));
        assertFalse(Dismissals.dismissible(decided(Severity.WARN)));
        assertFalse(Dismissals.dismissible(decided(Severity.INFO)));
    }

    @Test
    void dismissingTheOnlyWarningPasses() {
        List<Finding> findings = List.of(undecided(Severity.WARN, "a"), decided(Severity.INFO));
        assertEquals(Verdict.NEEDS_APPROVAL, Dismissals.verdictWithout(findings, Set.of()));
        assertEquals(Verdict.PASS, Dismissals.verdictWithout(findings, Set.of(0)));
    }

    @Test
    void aWarningLeftStandingStillNeedsApproval() {
        List<Finding> findings = List.of(undecided(Severity.WARN, "a"), undecided(Severity.WARN, "b"),
                decided(Severity.WARN));
        assertEquals(Verdict.NEEDS_APPROVAL, Dismissals.verdictWithout(findings, Set.of(0)));
        assertEquals(Verdict.NEEDS_APPROVAL, Dismissals.verdictWithout(findings, Set.of(0, 1)));
        assertEquals(Verdict.NEEDS_APPROVAL, Dismissals.verdictWithout(findings.subList(0, 2), Set.of(1)));
        assertEquals(Verdict.PASS, Dismissals.verdictWithout(findings.subList(0, 2), Set.of(0, 1)));
    }

    @Test
    void aBlockedRunStaysBlockedWhateverIsDismissed() {
        List<Finding> findings = List.of(decided(Severity.BLOCK), undecided(Severity.WARN, "a"));
        assertEquals(Verdict.BLOCKED, Dismissals.verdictWithout(findings, Set.of(1)));
    }

    @Test
    void aFindingTheCheckDecidedOrABlockCannotBeCountedOut() {
        List<Finding> findings = List.of(undecided(Severity.BLOCK, "a"), decided(Severity.WARN));
        assertThrows(IllegalArgumentException.class, () -> Dismissals.verdictWithout(findings, Set.of(0)));
        assertThrows(IllegalArgumentException.class, () -> Dismissals.verdictWithout(findings, Set.of(1)));
        assertThrows(IllegalArgumentException.class, () -> Dismissals.verdictWithout(findings, Set.of(2)));
    }
}
