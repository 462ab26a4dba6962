package io.mops.simulator.report;

import java.util.List;

/**
 * The platform's own track record of forecasts against what happened, as the platform reports it, checked against
 * the market's truth.
 *
 * @param source       which track record (e.g. {@code budget})
 * @param decisions    how many forecasts had a realised outcome
 * @param insideShare  share of realised outcomes inside the forecasts' 90 % intervals
 * @param points       forecast, realised, interval low, interval high
 */
public record Calibration(String source, int decisions, double insideShare, double meanError, List<double[]> points) {
}
