package io.mops.testing.allocation;

import java.util.List;

/**
 * What one variant has collected so far, per allocation period.
 *
 * @param periods one tally per allocation period of the experiment, oldest first; every variant of an experiment
 *                has the same number of periods (empty ones where it got no units)
 */
public record VariantTally(String variantKey, boolean live, List<PeriodTally> periods) {

    public VariantTally {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a tally needs at least one period");
        }
        periods = List.copyOf(periods);
    }

    /** A variant of an experiment that was never re-weighted: everything in one period. */
    public VariantTally(String variantKey, boolean live, long exposures, long converted, double valueSum,
                        double valueSumOfSquares) {
        this(variantKey, live, List.of(new PeriodTally(exposures, converted, valueSum, valueSumOfSquares)));
    }

    public long exposures() {
        return periods.stream().mapToLong(PeriodTally::exposures).sum();
    }

    /** Units with at least one outcome. */
    public long converted() {
        return periods.stream().mapToLong(PeriodTally::converted).sum();
    }

    /** Sum over units of each unit's total outcome value. */
    public double valueSum() {
        return periods.stream().mapToDouble(PeriodTally::valueSum).sum();
    }

    /** Sum over units of the square of each unit's total outcome value. */
    public double valueSumOfSquares() {
        return periods.stream().mapToDouble(PeriodTally::valueSumOfSquares).sum();
    }

    public VariantTally stopped() {
        return new VariantTally(variantKey, false, periods);
    }

    public long[] exposuresByPeriod() {
        return periods.stream().mapToLong(PeriodTally::exposures).toArray();
    }

    public long[] convertedByPeriod() {
        return periods.stream().mapToLong(PeriodTally::converted).toArray();
    }

    public double[] valueSumByPeriod() {
        return periods.stream().mapToDouble(PeriodTally::valueSum).toArray();
    }

    public double[] valueSumOfSquaresByPeriod() {
        return periods.stream().mapToDouble(PeriodTally::valueSumOfSquares).toArray();
    }
}
