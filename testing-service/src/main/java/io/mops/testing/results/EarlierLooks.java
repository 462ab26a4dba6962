package io.mops.testing.results;

import java.util.Map;

/**
 * The always-valid p-values reported at earlier looks, so that the one reported now is their running minimum.
 *
 * @param primaryByVariant        primary metric, by variant key
 * @param guardrailsByComparison  guardrails, by {@link GuardrailCheck#comparisonKey}
 */
public record EarlierLooks(Map<String, Double> primaryByVariant, Map<String, Double> guardrailsByComparison) {

    public static final EarlierLooks NONE = new EarlierLooks(Map.of(), Map.of());

    public EarlierLooks {
        primaryByVariant = Map.copyOf(primaryByVariant);
        guardrailsByComparison = Map.copyOf(guardrailsByComparison);
    }
}
