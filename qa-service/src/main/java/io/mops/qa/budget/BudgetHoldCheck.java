package io.mops.qa.budget;

import io.mops.qa.campaign.CampaignSubmission;
import io.mops.qa.campaign.Money;
import io.mops.qa.rules.Finding;
import io.mops.qa.rules.Location;
import io.mops.qa.rules.RuleBook;
import io.mops.qa.rules.RuleIds;
import io.mops.qa.rules.Severity;

import java.util.List;

/**
 * Rule {@value RuleIds#BUDGET_HELD}: the campaign's budget is within what budget-service holds for it. Spending more
 * than budget-service holds is the rule's severity (block in the default rule set); whatever keeps QA from knowing —
 * no link to a budget-service campaign on a paid channel, a campaign budget-service does not know, another channel's
 * or another currency's budget, budget-service not answering — is at most a warning that the budget was not verified,
 * so a person decides, and an outage of budget-service never blocks a launch on its own.
 */
public final class BudgetHoldCheck {

    public static final String FIELD = "budgetCampaignId";

    /** Whether budget-service must be asked about this submission at all. */
    public static boolean applies(CampaignSubmission submission, RuleBook book) {
        return book.enabled(RuleIds.BUDGET_HELD).isPresent()
                && (submission.budgetCampaignId() != null || isPaid(submission, book));
    }

    public List<Finding> review(CampaignSubmission submission, RuleBook book, BudgetLookup lookup) {
        var setting = book.enabled(RuleIds.BUDGET_HELD);
        Money budget = submission.budget();
        if (setting.isEmpty() || !applies(submission, book) || budget == null || budget.amount() == null) {
            // A missing budget is plan.budget's finding; there is nothing to compare.
            return List.of();
        }
        Severity severity = setting.get().severity();
        Severity notVerified = severity.compareTo(Severity.WARN) < 0 ? severity : Severity.WARN;
        return switch (lookup) {
            case BudgetLookup.NotLinked ignored -> List.of(finding(book, notVerified, FIELD,
                    "budget not verified: channel '" + submission.channel() + "' spends money but the campaign names "
                            + "no budget-service campaign", "set budgetCampaignId to the campaign's id in budget-service"));
            case BudgetLookup.Unknown unknown -> List.of(finding(book, notVerified, FIELD,
                    "budget not verified: budget-service has no campaign " + unknown.budgetCampaignId(),
                    "budget the campaign in budget-service first, or correct budgetCampaignId"));
            case BudgetLookup.Unreachable unreachable -> List.of(finding(book, notVerified, FIELD,
                    "budget not verified: budget-service did not answer about campaign "
                            + unreachable.budgetCampaignId() + " (" + unreachable.reason() + ")",
                    "run QA again when budget-service is back"));
            case BudgetLookup.Held held -> compare(submission, book, budget, held.budget(), severity, notVerified);
        };
    }

    private static List<Finding> compare(CampaignSubmission submission, RuleBook book, Money budget, HeldBudget held,
                                         Severity severity, Severity notVerified) {
        if (!submission.channel().equals(held.channel())) {
            return List.of(finding(book, notVerified, FIELD, "budget not verified: budget-service campaign "
                            + held.id() + " belongs to channel '" + held.channel() + "', not '" + submission.channel() + "'",
                    "set budgetCampaignId to this channel's campaign"));
        }
        if (budget.currency() == null || !budget.currency().equals(held.currency())) {
            return List.of(finding(book, notVerified, "budget.currency", "budget not verified: the campaign budgets in "
                            + budget.currency() + " but budget-service holds its budget in " + held.currency(),
                    "state the budget in " + held.currency()));
        }
        String heldText = held.amount().toPlainString() + " " + held.currency();
        if (budget.amount().compareTo(held.amount()) > 0) {
            return List.of(finding(book, severity, "budget.amount", "the budget " + budget.amount().toPlainString()
                            + " " + budget.currency() + " is more than the " + heldText + " budget-service holds for "
                            + "campaign " + held.id(),
                    "lower the budget to at most " + heldText + ", or have the budget in budget-service raised"));
        }
        return List.of(finding(book, Severity.INFO, "budget.amount", "the budget " + budget.amount().toPlainString()
                + " " + budget.currency() + " is within the " + heldText + " budget-service holds for campaign "
                + held.id() + " (" + held.remaining().toPlainString() + " " + held.currency() + " not yet spent, "
                + "status " + held.status() + ")", null));
    }

    private static boolean isPaid(CampaignSubmission submission, RuleBook book) {
        return book.plan() != null && book.plan().paidChannels().contains(submission.channel());
    }

    private static Finding finding(RuleBook book, Severity severity, String field, String message, String fixHint) {
        return new Finding(RuleIds.BUDGET_HELD, book.name(), book.version(), severity, Location.field(field), message,
                fixHint);
    }
}
