package io.mops.budget.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one ISO 4217 currency, held at the currency's minor unit (cents for EUR, none for JPY).
 * Arithmetic between two currencies is refused rather than guessed: MOPS never converts money.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorUnits = minorUnits(currency);
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than " + currency
                    + " allows (" + minorUnits + ")");
        }
        amount = amount.setScale(minorUnits, RoundingMode.UNNECESSARY);
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Rounds a computed amount (a share, a projection) half-even to the currency's minor unit. */
    public static Money rounded(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN), currency);
    }

    /** @throws UnknownCurrencyException when {@code code} is not an ISO 4217 currency code */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new UnknownCurrencyException(code);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new UnknownCurrencyException(code);
        }
    }

    public static Money sum(Collection<Money> amounts, Currency currency) {
        Money total = zero(currency);
        for (Money m : amounts) {
            total = total.plus(m);
        }
        return total;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** This amount times a dimensionless factor, rounded half-even to the minor unit. */
    public Money times(BigDecimal factor) {
        return rounded(amount.multiply(factor), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    private static int minorUnits(Currency currency) {
        // Pseudo-currencies such as XXX report -1: treat them as whole units.
        return Math.max(0, currency.getDefaultFractionDigits());
    }
}
