package io.mops.budget.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @Test
    void amountsOfTheSameCurrencyAddExactly() {
        assertEquals(Money.of("0.30", "EUR"), Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR")));
    }

    @Test
    void arithmeticAcrossCurrenciesIsRefusedNotConverted() {
        Money euros = Money.of("10", "EUR");
        Money dollars = Money.of("10", "USD");
        assertThrows(CurrencyMismatchException.class, () -> euros.plus(dollars));
        assertThrows(CurrencyMismatchException.class, () -> euros.minus(dollars));
        assertThrows(CurrencyMismatchException.class, () -> euros.compareTo(dollars));
    }

    @Test
    void unknownCurrencyCodesAreRefused() {
        assertThrows(UnknownCurrencyException.class, () -> Money.currency("EUX"));
        assertThrows(UnknownCurrencyException.class, () -> Money.currency("eur"));
        assertThrows(UnknownCurrencyException.class, () -> Money.currency(null));
    }

    @Test
    void anAmountFinerThanTheCurrencysMinorUnitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Money.of("1.005", "EUR"));
        assertThrows(IllegalArgumentException.class, () -> Money.of("100.5", "JPY"));
    }

    @Test
    void equalAmountsAreEqualWhateverTheirWrittenScale() {
        assertEquals(Money.of("10", "EUR"), Money.of("10.00", "EUR"));
        assertEquals(new BigDecimal("10.00"), Money.of("10", "EUR").amount());
        assertEquals(new BigDecimal("10"), Money.of("10", "JPY").amount());
    }

    @Test
    void scalingRoundsHalfEvenToTheMinorUnit() {
        assertEquals(Money.of("0.12", "EUR"), Money.of("0.25", "EUR").times(new BigDecimal("0.5")));
        assertEquals(Money.of("0.38", "EUR"), Money.of("0.75", "EUR").times(new BigDecimal("0.5")));
    }

    @Test
    void comparisonsFollowTheAmount() {
        assertTrue(Money.of("2", "EUR").isGreaterThan(Money.of("1.99", "EUR")));
        assertTrue(Money.of("-0.01", "EUR").isNegative());
        assertTrue(Money.zero(Money.currency("EUR")).isZero());
    }
}
