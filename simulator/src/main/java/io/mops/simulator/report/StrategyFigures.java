package io.mops.simulator.report;

/**
 * How one budget strategy did over the judged days (after the learning period), in true expected terms.
 *
 * @param shareOfOracle  value reached as a share of the oracle's value over the same days
 * @param liftOverEven   value over the even split's value, minus 1
 */
public record StrategyFigures(String strategy, double spend, double conversions, double value,
                              double conversionsPerSpend, double valuePerSpend, double shareOfOracle,
                              double liftOverEven) {
}
