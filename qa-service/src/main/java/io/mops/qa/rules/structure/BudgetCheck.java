package io.mops.qa.rules.structure;

import io.mops.qa.campaign.Money;
import io.mops.qa.rules.CampaignCheck;
import io.mops.qa.rules.CampaignUnderReview;
import io.mops.qa.rules.Findings;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleIds;

import java.util.Currency;

/** A paid channel spends money: it needs a positive budget in a real currency before it may launch. */
public final class BudgetCheck implements CampaignCheck {

    @Override
    public void inspect(CampaignUnderReview campaign, Findings findings) {
        Money budget = campaign.submission().budget();
        boolean paid = campaign.book().plan().paidChannels().contains(campaign.submission().channel());
        if (budget == null || budget.amount() == null) {
            if (paid) {
                findings.report(RuleIds.BUDGET, Location.field("budget"),
                        "channel '" + campaign.submission().channel() + "' spends money but the campaign has no budget",
                        "state the budget approved for this campaign");
            }
            return;
        }
        if (budget.amount().signum() < 0 || (paid && budget.amount().signum() == 0)) {
            findings.report(RuleIds.BUDGET, Location.field("budget.amount"),
                    "the budget " + budget.amount().toPlainString() + " is not a positive amount",
                    "state the budget approved for this campaign");
        }
        if (!isCurrency(budget.currency())) {
            findings.report(RuleIds.BUDGET, Location.field("budget.currency"),
                    "'" + budget.currency() + "' is not an ISO 4217 currency code",
                    "use a currency code such as EUR or USD");
        }
    }

    private static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
