package io.mops.qa.rules;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.mops.qa.rules.Reviewed.onlyFinding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanChecksTest {

    @Test
    void aMissingSubjectBlocksAndNamesTheField() {
        Finding finding = onlyFinding(SampleCampaign.goodEmail().with("/creatives/email/subject", null).review(),
                RuleIds.REQUIRED_FIELDS);
        assertEquals(Severity.BLOCK, finding.severity());
        assertEquals(Location.field("creatives.email.subject"), finding.location());
    }

    @Test
    void anAdWithoutALandingPageIsIncomplete() {
        Finding finding = onlyFinding(SampleCampaign.goodSearchAd().with("/creatives/landingPageUrl", "  ").review(),
                RuleIds.REQUIRED_FIELDS);
        assertEquals("creatives.landingPageUrl", finding.location().field());
    }

    @Test
    void aTextWithoutASendTimeIsIncomplete() {
        Finding finding = onlyFinding(SampleCampaign.goodSms().with("/creatives/sms/sendAt", null).review(),
                RuleIds.REQUIRED_FIELDS);
        assertEquals("creatives.sms.sendAt", finding.location().field());
    }

    @Test
    void endingBeforeStartingBlocks() {
        Finding finding = onlyFinding(SampleCampaign.goodEmail().with("/endDate", "2026-11-26").review(),
                RuleIds.DATE_ORDER);
        assertEquals(Severity.BLOCK, finding.severity());
        assertEquals("endDate", finding.location().field());
    }

    @Test
    void aStartDateInThePastNeedsApproval() {
        QaResult result = SampleCampaign.goodEmail().with("/startDate", "2026-11-20").review();
        assertEquals(Severity.WARN, onlyFinding(result, RuleIds.START_DATE_PASSED).severity());
        assertEquals(Verdict.NEEDS_APPROVAL, result.verdict());
    }

    @Test
    void startingOnTheDayOfQaIsFine() {
        assertEquals(Verdict.PASS, SampleCampaign.goodEmail().with("/startDate", "2026-11-25").review().verdict());
    }

    @Test
    void aCampaignLongerThanPolicyIsFlagged() {
        // 2026-11-27 to 2027-02-27 is 93 days counting both ends; the policy allows 92.
        Finding finding = onlyFinding(SampleCampaign.goodEmail().with("/endDate", "2027-02-27").review(), RuleIds.DURATION);
        assertTrue(finding.message().contains("93 days"), finding.message());
        assertEquals(Verdict.PASS, SampleCampaign.goodEmail().with("/endDate", "2027-02-26").review().verdict());
    }

    @Test
    void anAudienceBelowTheMinimumIsFlaggedButTheMinimumItselfIsEnough() {
        onlyFinding(SampleCampaign.goodEmail().with("/audience/size", 999).review(), RuleIds.AUDIENCE_MINIMUM);
        assertEquals(Verdict.PASS, SampleCampaign.goodEmail().with("/audience/size", 1000).review().verdict());
    }

    @Test
    void aPaidChannelWithoutBudgetBlocks() {
        Finding finding = onlyFinding(SampleCampaign.goodSearchAd().with("/budget", null).review(), RuleIds.BUDGET);
        assertEquals(Severity.BLOCK, finding.severity());
    }

    @Test
    void anEmailNeedsNoBudget() {
        assertEquals(Verdict.PASS, SampleCampaign.goodEmail().with("/budget", null).review().verdict());
    }

    @Test
    void aBudgetInAnInventedCurrencyBlocks() {
        Finding finding = onlyFinding(SampleCampaign.goodSearchAd()
                .with("/budget", Map.of("amount", 100, "currency", "XYZ")).review(), RuleIds.BUDGET);
        assertEquals("budget.currency", finding.location().field());
    }

    @Test
    void aZeroBudgetOnAPaidChannelBlocks() {
        onlyFinding(SampleCampaign.goodSearchAd().with("/budget", Map.of("amount", 0, "currency", "USD")).review(),
                RuleIds.BUDGET);
    }
}
