package io.mops.budget.pacing;

import io.mops.budget.money.Money;
import io.mops.budget.plan.BudgetRuleViolation;

/**
 * The hard cap on a campaign's budget. Spend reported by an ad platform has already happened, so it is always
 * recorded; what the cap decides is whether the campaign must stop and whether the budget was overrun.
 */
public final class SpendCap {

    private SpendCap() {
    }

    public static SpendOutcome apply(Money budget, Money spentBefore, Money spend) {
        if (spend.isNegative()) {
            throw new BudgetRuleViolation("amount", "must not be negative");
        }
        Money spentAfter = spentBefore.plus(spend);
        return new SpendOutcome(budget, spentBefore, spentAfter);
    }

    /**
     * @param spentAfter everything spent on the budget including this spend
     */
    public record SpendOutcome(Money budget, Money spentBefore, Money spentAfter) {

        /** The budget is used up: the campaign must stop. */
        public boolean exhausted() {
            return !spentAfter.isLessThan(budget);
        }

        /** This spend is the one that used the budget up; announce it once, not on every later spend. */
        public boolean exhaustedNow() {
            return exhausted() && spentBefore.isLessThan(budget);
        }

        /** Spend beyond the budget: flagged, never silently absorbed. */
        public Money overrun() {
            Money over = spentAfter.minus(budget);
            return over.isNegative() ? Money.zero(budget.currency()) : over;
        }

        public Money remaining() {
            Money left = budget.minus(spentAfter);
            return left.isNegative() ? Money.zero(budget.currency()) : left;
        }
    }
}
