package io.mops.budget.money;

import java.util.Currency;

/** Two amounts of different currencies met in one calculation; MOPS refuses to convert between them. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("expected an amount in " + expected.getCurrencyCode() + " but got " + actual.getCurrencyCode()
                + "; currencies are never converted");
    }
}
