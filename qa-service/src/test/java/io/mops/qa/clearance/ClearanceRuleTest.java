package io.mops.qa.clearance;

import org.junit.jupiter.api.Test;

import static io.mops.qa.clearance.ClearanceRule.Change.CLEAR;
import static io.mops.qa.clearance.ClearanceRule.Change.NONE;
import static io.mops.qa.clearance.ClearanceRule.Change.REVOKE;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClearanceRuleTest {

    @Test
    void aPassingRunClearsWhetherOrNotTheCampaignWasClearedBefore() {
        assertEquals(CLEAR, ClearanceRule.afterRun("pass", false));
        assertEquals(CLEAR, ClearanceRule.afterRun("pass", true));
    }

    @Test
    void aRunThatDoesNotPassEndsAClearanceAndOtherwiseChangesNothing() {
        assertEquals(REVOKE, ClearanceRule.afterRun("blocked", true));
        assertEquals(REVOKE, ClearanceRule.afterRun("needs-approval", true));
        assertEquals(NONE, ClearanceRule.afterRun("blocked", false));
        assertEquals(NONE, ClearanceRule.afterRun("needs-approval", false));
    }

    @Test
    void onlyAGrantOfTheNewestRunClears() {
        assertEquals(CLEAR, ClearanceRule.afterDecision(true, true));
        assertEquals(NONE, ClearanceRule.afterDecision(true, false));
        assertEquals(NONE, ClearanceRule.afterDecision(false, true));
    }

    @Test
    void aRunThatADismissalTookToAPassClearsOnlyAsTheNewestRunAndOnlyOnce() {
        assertEquals(CLEAR, ClearanceRule.afterDismissal("pass", true, false));
        assertEquals(NONE, ClearanceRule.afterDismissal("pass", false, false));
        assertEquals(NONE, ClearanceRule.afterDismissal("pass", true, true));
        assertEquals(NONE, ClearanceRule.afterDismissal("needs-approval", true, false));
        assertEquals(NONE, ClearanceRule.afterDismissal("blocked", true, false));
    }
}
