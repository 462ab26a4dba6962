package io.mops.testing.allocation;


/**
 * What one variant collected in one allocation period (between two re-weightings), counted by the period of each
 * unit's first exposure; later outcomes of a unit stay with that period.
 *
 * @param converted         units with at least one outcome
 * @param valueSum          sum over units of each unit's total outcome value
 * @param valueSumOfSquares sum over units of the square of each unit's total outcome value
 */
public record PeriodTally(long exposures, long converted, double valueSum, double valueSumOfSquares) {

    public static final PeriodTally EMPTY = new PeriodTally(0, 0, 0.0, 0.0);

    public PeriodTally {
        if (exposures < 0 || converted < 0 || converted > exposures) {
            throw new IllegalArgumentException("need 0 <= converted <= exposures, got " + converted + " of " + exposures);
        }
    }
}
