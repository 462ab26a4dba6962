package io.mops.simulator.report;

import java.util.List;

/**
 * The platform's own track record of forecasts against what happened, as the platform reports it, and — where the
 * market knows the true value a forecast was about — the same forecasts held to that truth.
 *
 * @param source       which track record (e.g. {@code budget moves})
 * @param decisions    how many forecasts had a realised outcome
 * @param pending      how many still wait for theirs at the end of the run
 * @param unmeasurable how many the service closed as never measurable (e.g. another change overlapped a move's
 *                     window): a run whose moves were all unmeasurable has no track record to judge, and says so
 * @param insideShare  share of realised outcomes inside the intervals they were judged against, as the service
 *                     counts it
 * @param points       forecast, realised, and the ends of the interval the realised value was judged against (the
 *                     forecast's 90 % interval, widened by the measurement's noise where the service measured it)
 * @param truth        the forecasts against the market's true values; {@code null} where the market cannot say
 *                     (a budget move's true change would need the counterfactual run)
 */
public record Calibration(String source, int decisions, int pending, int unmeasurable, double insideShare,
                          double meanError, List<double[]> points, AgainstTruth truth) {

    public Calibration(String source, int decisions, int pending, int unmeasurable, double insideShare,
                       double meanError, List<double[]> points) {
        this(source, decisions, pending, unmeasurable, insideShare, meanError, points, null);
    }

    /**
     * Forecasts held to the quantity they forecast as the market's truth has it, which the platform never sees: a
     * realised value is one noisy draw, the true value is what a calibrated 90 % interval should cover nine times in
     * ten over many decisions.
     *
     * @param decisions   forecasts whose true value the market knows
     * @param insideShare share of them whose 90 % interval contains the true value ({@code NaN} without any)
     * @param meanError   mean of forecast minus truth ({@code NaN} without any)
     * @param realisedMeanError mean of realised minus truth: how far the platform's own measurement was off
     */
    public record AgainstTruth(int decisions, double insideShare, double meanError, double realisedMeanError) {

        /**
         * @param forecasts forecast, realised, low, high per decision (as {@link Calibration#points()})
         * @param truths    the true value per decision, same order; {@code null} where unknown
         */
        public static AgainstTruth of(List<double[]> forecasts, List<Double> truths) {
            if (forecasts.size() != truths.size()) {
                throw new IllegalArgumentException(forecasts.size() + " forecasts but " + truths.size() + " truths");
            }
            int n = 0;
            int inside = 0;
            double error = 0;
            double realisedError = 0;
            for (int i = 0; i < forecasts.size(); i++) {
                Double truth = truths.get(i);
                if (truth == null) {
                    continue;
                }
                double[] f = forecasts.get(i);
                n++;
                if (f[2] <= truth && truth <= f[3]) {
                    inside++;
                }
                error += f[0] - truth;
                realisedError += f[1] - truth;
            }
            return n == 0 ? new AgainstTruth(0, Double.NaN, Double.NaN, Double.NaN)
                    : new AgainstTruth(n, (double) inside / n, error / n, realisedError / n);
        }
    }
}
