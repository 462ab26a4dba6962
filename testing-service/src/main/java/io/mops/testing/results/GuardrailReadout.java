package io.mops.testing.results;

/**
 * One guardrail of one variant against the control.
 *
 * @param alwaysValidPValue mSPRT p-value of the difference in rates, safe to check at every look
 * @param breached          the variant's rate is higher than the control's and the p-value is below the threshold
 */
public record GuardrailReadout(String metric, String variantKey, double rate, double controlRate,
                               double alwaysValidPValue, boolean breached) {
}
