package io.mops.qa.budget;

import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.Creatives;
import io.mops.qa.campaign.Money;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleBookReader;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetHoldCheckTest {

    private static final RuleBook BOOK = new RuleBookReader().bundledDefault().withVersion(1);
    private static final UUID LINKED = UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001");

    private static CampaignSubmission campaign(String channel, String amount, String currency, UUID budgetCampaignId) {
        return new CampaignSubmission("c-1", "Jackets", channel, null, null,
                amount == null ? null : new Money(new BigDecimal(amount), currency), null, List.of(),
                new Creatives(null, null, null, null), List.of(), null, null, budgetCampaignId);
    }

    private static BudgetLookup.Held held(String channel, String amount, String currency) {
        return new BudgetLookup.Held(new HeldBudget(LINKED, channel, "Jackets", currency, new BigDecimal(amount),
                BigDecimal.ZERO, new BigDecimal(amount), "ACTIVE"));
    }

    private static Severity only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(RuleIds.BUDGET_HELD, findings.getFirst().ruleId());
        return findings.getFirst().severity();
    }

    @Test
    void exactlyWhatIsHeldIsWithinBudget() {
        assertEquals(Severity.INFO, only(new BudgetHoldCheck().review(campaign("search", "30000.00", "USD", LINKED),
                BOOK, held("search", "30000", "USD"))));
    }

    @Test
    void oneCentMoreThanHeldTakesTheRulesSeverity() {
        assertEquals(Severity.BLOCK, only(new BudgetHoldCheck().review(campaign("search", "30000.01", "USD", LINKED),
                BOOK, held("search", "30000", "USD"))));
    }

    @Test
    void notKnowingIsAtMostAWarningEvenWhenTheRuleBlocks() {
        BudgetHoldCheck check = new BudgetHoldCheck();
        CampaignSubmission linked = campaign("search", "100", "USD", LINKED);
        assertEquals(Severity.WARN, only(check.review(linked, BOOK, new BudgetLookup.Unknown(LINKED))));
        assertEquals(Severity.WARN, only(check.review(linked, BOOK, new BudgetLookup.Unreachable(LINKED, "timeout"))));
        assertEquals(Severity.WARN, only(check.review(campaign("search", "100", "USD", null), BOOK,
                new BudgetLookup.NotLinked())));
    }

    @Test
    void aRuleSetThatLowersTheRuleToInfoLowersNotVerifiedToo() {
        var rules = new HashMap<>(BOOK.rules());
        rules.put(RuleIds.BUDGET_HELD, new RuleBook.RuleSetting(Severity.INFO, null, "test"));
        RuleBook lenient = new RuleBook(BOOK.name(), 2, BOOK.region(), BOOK.description(), BOOK.channels(), rules,
                BOOK.plan(), BOOK.tracking(), BOOK.email(), BOOK.sms(), BOOK.claims(), BOOK.accessibility(),
                BOOK.regimes(), BOOK.riskWeights(), BOOK.brandVoice(), BOOK.spam(),
                BOOK.clientSupport());
        assertEquals(Severity.INFO, only(new BudgetHoldCheck().review(campaign("search", "100", "USD", LINKED),
                lenient, new BudgetLookup.Unreachable(LINKED, "timeout"))));
    }

    @Test
    void anUnpaidChannelWithoutALinkIsNotAsked() {
        CampaignSubmission email = campaign("email", "1500", "USD", null);
        assertFalse(BudgetHoldCheck.applies(email, BOOK));
        assertEquals(List.of(), new BudgetHoldCheck().review(email, BOOK, new BudgetLookup.NotLinked()));
        assertTrue(BudgetHoldCheck.applies(campaign("email", "1500", "USD", LINKED), BOOK));
    }

    @Test
    void withoutABudgetThereIsNothingToCompare() {
        assertEquals(List.of(), new BudgetHoldCheck().review(campaign("search", null, null, LINKED), BOOK,
                held("search", "30000", "USD")));
    }
}
