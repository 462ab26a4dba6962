package io.mops.budget.budgets;

import io.mops.budget.money.Money;
import io.mops.budget.money.UnknownCurrencyException;
import io.mops.budget.plan.BudgetRuleViolation;

import java.math.BigDecimal;
import java.util.Currency;

/** Turns request amounts into {@link Money}, naming the offending field when that is impossible. */
final class Amounts {

    private Amounts() {
    }

    static Currency currency(String field, String code) {
        try {
            return Money.currency(code);
        } catch (UnknownCurrencyException e) {
            throw new BudgetRuleViolation(field, e.getMessage());
        }
    }

    static Money money(String field, BigDecimal amount, Currency currency) {
        try {
            return Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new BudgetRuleViolation(field, e.getMessage());
        }
    }
}
