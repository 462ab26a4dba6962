package io.mops.testing.results;

import io.mops.testing.allocation.VariantTally;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardrailCheckTest {

    private static VariantTally exposed(String key, long exposures) {
        return new VariantTally(key, true, exposures, 0, 0, 0);
    }

    private static final List<VariantTally> VARIANTS = List.of(exposed("control", 2000), exposed("spammy", 2000),
            exposed("gentle", 2000));

    @Test
    void aVariantWithAClearlyHigherHarmRateBreachesTheGuardrail() {
        List<GuardrailReadout> readouts = GuardrailCheck.DEFAULT.check(VARIANTS, 0,
                List.of(new GuardrailTally("unsubscribe", new long[] {20, 80, 18})));
        assertEquals(2, readouts.size());
        GuardrailReadout spammy = readouts.getFirst();
        assertEquals("spammy", spammy.variantKey());
        assertEquals(0.04, spammy.rate(), 1e-12);
        assertEquals(0.01, spammy.controlRate(), 1e-12);
        assertTrue(spammy.breached(), "p = " + spammy.alwaysValidPValue());
        assertFalse(readouts.get(1).breached());
    }

    /**
     * The guardrail's test is one-sided: a look at which the variant harms less than the control is no evidence of
     * harm, so however large the difference the p-value stays 1 and nothing is breached.
     */
    @Test
    void aLowerHarmRateNeverBreachesHoweverSignificant() {
        List<GuardrailReadout> readouts = GuardrailCheck.DEFAULT.check(VARIANTS, 0,
                List.of(new GuardrailTally("complaint", new long[] {100, 5, 100})));
        assertEquals(1.0, readouts.getFirst().alwaysValidPValue());
        assertFalse(readouts.getFirst().breached());
    }

    /** An earlier look that found harm keeps its p-value; a later look with the rate still higher cannot raise it. */
    @Test
    void theGuardrailPValueIsTheRunningMinimumOverLooksWithHigherHarm() {
        double tau = 0.01;
        java.util.Map<String, Double> earlier = java.util.Map.of(GuardrailCheck.comparisonKey("unsubscribe", "spammy"),
                1e-6);
        List<GuardrailReadout> readouts = GuardrailCheck.DEFAULT.check(VARIANTS, 0,
                List.of(new GuardrailTally("unsubscribe", new long[] {20, 24, 18})), tau, earlier);
        assertEquals(1e-6, readouts.getFirst().alwaysValidPValue());
        assertTrue(readouts.getFirst().breached(), "still higher, and harm was shown before");
    }

    @Test
    void aSmallExcessWithLittleDataIsNotABreach() {
        List<GuardrailReadout> readouts = GuardrailCheck.DEFAULT.check(
                List.of(exposed("control", 100), exposed("b", 100)), 0,
                List.of(new GuardrailTally("unsubscribe", new long[] {1, 3})));
        assertFalse(readouts.getFirst().breached());
    }
}
