package io.mops.testing.results;

import java.util.Arrays;

/**
 * How many exposed units of each variant triggered one guardrail event (an unsubscribe, a complaint), in the
 * order of the experiment's variants and, per variant, per allocation period (the period of the unit's exposure).
 */
public record GuardrailTally(String metric, long[][] unitsWithEventByPeriod) {

    /** Counts of an experiment that was never re-weighted: one period. */
    public GuardrailTally(String metric, long[] unitsWithEvent) {
        this(metric, Arrays.stream(unitsWithEvent).mapToObj(n -> new long[] {n}).toArray(long[][]::new));
    }

    /** Per variant, over all periods. */
    public long[] unitsWithEvent() {
        return Arrays.stream(unitsWithEventByPeriod).mapToLong(byPeriod -> Arrays.stream(byPeriod).sum()).toArray();
    }
}
