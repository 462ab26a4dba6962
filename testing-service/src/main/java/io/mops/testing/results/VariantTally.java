package io.mops.testing.results;

/**
 * What one variant has collected so far.
 *
 * @param converted        units with at least one outcome
 * @param valueSum         sum over units of each unit's total outcome value
 * @param valueSumOfSquares sum over units of the square of each unit's total outcome value
 */
public record VariantTally(String variantKey, boolean live, long exposures, long converted, double valueSum,
                           double valueSumOfSquares) {
}
