package io.mops.testing.results;

/**
 * How many exposed units of each variant triggered one guardrail event (an unsubscribe, a complaint), in the
 * order of the experiment's variants.
 */
public record GuardrailTally(String metric, long[] unitsWithEvent) {
}
