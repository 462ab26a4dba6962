package io.mops.budget.money;

/** A currency code that is not in ISO 4217. */
public class UnknownCurrencyException extends IllegalArgumentException {

    public UnknownCurrencyException(String code) {
        super("'" + code + "' is not an ISO 4217 currency code");
    }
}
