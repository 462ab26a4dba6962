package io.mops.budget.curve;

/**
 * Expected outcome as a function of what a channel is given for a whole budget period. The optimiser works on
 * this, whatever period the underlying curve was fitted on.
 */
public interface SpendResponse {

    double outcome(double spend);

    double marginalReturn(double spend);

    /** Spend above which every further unit returns less than the last. */
    double concaveFrom();

    /** Standard error of {@code outcome(to) - outcome(from)}; zero when the response is taken as known. */
    double outcomeChangeStandardError(double from, double to);
}
