package io.mops.attribution.connect;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlatformAmountTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ';', value = {
            "1,234.56;1234.56",
            "€1,234.56;1234.56",
            "EUR 1 234,56;1234.56",
            "1.234,56;1234.56",
            "1,234,567.8;1234567.8",
            "1.234.567;1234567",
            "1,234;1234",
            "12,5;12.5",
            "12,50;12.50",
            "987.10;987.10",
            "310;310",
            "$0.99;0.99",
            "--;0",
            "0;0"})
    void theAmountIsReadAsThePlatformsWriteIt(String text, String expected) {
        assertEquals(0, new BigDecimal(expected).compareTo(PlatformAmount.parse(text)), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"n/a", "EUR", "1.2.3,4,5", ""})
    void anythingElseIsNoAmount(String text) {
        assertThrows(IllegalArgumentException.class, () -> PlatformAmount.parse(text));
    }
}
