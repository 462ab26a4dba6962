package io.mops.common.trackrecord;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How well a service's forecasts have matched what happened: of the decisions whose outcome is known, how many
 * landed inside their forecast's 90 % interval, and by how much the realised values missed the point forecasts on
 * average.
 *
 * <p>An honest 90 % interval holds nine realised values in ten. The warning is raised when fewer than
 * {@value #WARN_BELOW_SHARE} of them landed inside, once at least {@value #MIN_REALISED_FOR_WARNING} are known:
 * with fewer, chance alone misleads too often (with exactly 10 realised values a well-calibrated forecaster still
 * lands 7 or fewer inside with probability 0.070, the binomial tail P(X ≤ 7) for n = 10, p = 0.9), and people
 * should not learn to ignore the warning.
 *
 * @param realised            decisions with a realised outcome
 * @param pending             decisions whose outcome is not known yet
 * @param unmeasurable        decisions whose outcome will never be known (their basis says why): neither realised
 *                            nor waiting
 * @param shareInsideInterval share of the realised values inside their forecast's 90 % interval; {@code null} when
 *                            none is realised
 * @param meanError           mean of realised minus forecast (positive: the outcomes beat the forecasts); {@code null}
 *                            when none is realised
 * @param meanAbsoluteError   mean of |realised − forecast|; {@code null} when none is realised
 * @param warning             set when the share is below {@value #WARN_BELOW_SHARE} with at least
 *                            {@value #MIN_REALISED_FOR_WARNING} realised decisions
 */
public record Calibration(int realised, int pending, int unmeasurable, Double shareInsideInterval,
                          Double meanError, Double meanAbsoluteError, String warning) {

    public static final double WARN_BELOW_SHARE = 0.80;
    public static final int MIN_REALISED_FOR_WARNING = 10;

    /** One decision as calibration sees it: its forecast and, once known, what happened. */
    public record Outcome(Forecast forecast, Optional<Double> realised, boolean unmeasurable) {

        /** A decision that is realised, or pending while {@code realised} is empty. */
        public Outcome(Forecast forecast, Optional<Double> realised) {
            this(forecast, realised, false);
        }
    }

    public static Calibration of(List<Outcome> outcomes) {
        int realised = 0;
        int unmeasurable = 0;
        int inside = 0;
        double errorSum = 0;
        double absoluteErrorSum = 0;
        for (Outcome outcome : outcomes) {
            if (outcome.realised().isEmpty()) {
                if (outcome.unmeasurable()) {
                    unmeasurable++;
                }
                continue;
            }
            double value = outcome.realised().get();
            realised++;
            if (outcome.forecast().holds(value)) {
                inside++;
            }
            double error = value - outcome.forecast().value();
            errorSum += error;
            absoluteErrorSum += Math.abs(error);
        }
        int pending = outcomes.size() - realised - unmeasurable;
        if (realised == 0) {
            return new Calibration(0, pending, unmeasurable, null, null, null, null);
        }
        double share = (double) inside / realised;
        String warning = realised >= MIN_REALISED_FOR_WARNING && share < WARN_BELOW_SHARE
                ? String.format(Locale.ROOT, "only %d of %d realised outcomes (%.0f %%) fell inside their forecast's "
                        + "90 %% interval (at least %.0f %% expected): the forecasts are overconfident or biased; "
                        + "treat their intervals with care", inside, realised, share * 100, WARN_BELOW_SHARE * 100)
                : null;
        return new Calibration(realised, pending, unmeasurable, share, errorSum / realised, absoluteErrorSum / realised, warning);
    }
}
