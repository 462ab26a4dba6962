package io.mops.attribution.model;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ApportionmentTest {

    /** 1/3 each is 0.3333 three times, 0.0001 short; the largest remainder method hands the unit to the first tie. */
    @Test
    void partsAddUpToTheTotalExactly() {
        BigDecimal[] parts = Apportionment.apportion(BigDecimal.ONE, new double[]{1, 1, 1});

        assertEquals(0, BigDecimal.ONE.compareTo(Arrays.stream(parts).reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertArrayEquals(new BigDecimal[]{new BigDecimal("0.3334"), new BigDecimal("0.3333"), new BigDecimal("0.3333")},
                parts);
    }

    @Test
    void totalsWithMoreDecimalsKeepThem() {
        BigDecimal[] parts = Apportionment.apportion(new BigDecimal("10.123456"), new double[]{1, 1});

        assertEquals(new BigDecimal("5.061728"), parts[0]);
        assertEquals(new BigDecimal("5.061728"), parts[1]);
    }

    @Test
    void zeroWeightsGetNothingEvenWhenUnitsAreLeftOver() {
        BigDecimal[] parts = Apportionment.apportion(new BigDecimal("2"), new double[]{0, 1, 0, 2});

        assertArrayEquals(new BigDecimal[]{new BigDecimal("0.0000"), new BigDecimal("0.6667"), new BigDecimal("0.0000"),
                new BigDecimal("1.3333")}, parts);
    }
}
