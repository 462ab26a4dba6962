package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BudgetMoveTest {

    @Test
    void theIntervalIsTheExpectedChangePlusMinusTheNormalQuantileTimesTheStandardError() {
        // Published two-sided 95 % normal quantile, 1.959964 (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.1).
        BudgetMove.Interval interval = BudgetMove.Interval.of(1200, 300);
        assertEquals(1200 - 1.959964 * 300, interval.low(), 1e-3);
        assertEquals(1200 + 1.959964 * 300, interval.high(), 1e-3);
        assertTrue(interval.clearOfZero());
        assertFalse(BudgetMove.Interval.of(100, 300).clearOfZero(), "100 ± 588 includes no change");
    }

    @Test
    void eachChannelShowsItsShiftAndItsOwnInterval() {
        BudgetMove move = BudgetMove.of(new BudgetMove.Evidence("p", "Demo", "EUR", new BigDecimal("3000"), 900, 250,
                List.of(new BudgetMove.EvidenceChannel("search", new BigDecimal("20000"), new BigDecimal("17000"),
                                -400, 100, 0.8, 26, null),
                        new BudgetMove.EvidenceChannel("email", new BigDecimal("10000"), new BigDecimal("13000"),
                                1300, 200, 0.9, 26, null)),
                "test"));
        assertEquals(List.of("search", "email"), move.labels());
        assertEquals(new BigDecimal("-3000"), move.channels().get(0).shift());
        assertEquals(new BigDecimal("3000"), move.channels().get(1).shift());
        assertEquals(1300 - 1.959964 * 200, move.channels().get(1).expectedChange().low(), 1e-3);
        assertEquals(List.of(new BigDecimal("20000"), new BigDecimal("10000")), move.before());
        assertEquals(List.of(new BigDecimal("17000"), new BigDecimal("13000")), move.after());
    }
}
