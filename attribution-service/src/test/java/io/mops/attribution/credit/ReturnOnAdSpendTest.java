package io.mops.attribution.credit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReturnOnAdSpendTest {

    @Test
    void valuePerUnitOfSpendToFourDecimals() {
        assertEquals(Optional.of(new BigDecimal("2.5000")), ReturnOnAdSpend.of(new BigDecimal("20625.00"), new BigDecimal("8250.00")));
        assertEquals(Optional.of(new BigDecimal("0.3333")), ReturnOnAdSpend.of(BigDecimal.ONE, new BigDecimal("3")));
    }

    @Test
    void noSpendMeansNoRatio() {
        assertEquals(Optional.empty(), ReturnOnAdSpend.of(new BigDecimal("100"), BigDecimal.ZERO));
    }
}
