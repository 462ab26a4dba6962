package io.mops.budget.plan;

/**
 * A change the budget rules forbid (an allocation above what its parent holds, a period that ends before it
 * starts, a negative amount). Nothing of the change was applied.
 *
 * @param field the input that broke the rule, as the caller named it
 */
public class BudgetRuleViolation extends IllegalArgumentException {

    private final String field;
    private final String reason;

    public BudgetRuleViolation(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
