package io.mops.gateway.console;

import java.time.Instant;
import java.util.List;

/**
 * A service's decisions beside what they brought, as budget-service ({@code GET /budget/track-record}) and
 * testing-service ({@code GET /experiments/track-record}) both serve it: newest first, with the calibration the
 * service computed. The console only shows it.
 */
public record TrackRecord(List<Decision> decisions, Calibration calibration) {

    public List<Decision> decisions() {
        return decisions == null ? List.of() : decisions;
    }

    /**
     * @param realised      in the forecast's unit; {@code null} while pending
     * @param judgedAgainst the forecast's interval widened by the measurement's noise, when the service measured it
     *                      (budget moves); {@code null} when the realised value is judged against the forecast's own
     * @param unmeasurable  the outcome will never be measured (the basis says why); absent in the answer means no
     */
    public record Decision(String id, Instant decidedAt, List<String> channels, String kind, String what,
                           Forecast forecast, Double realised, Instant realisedAt, String basis,
                           Forecast judgedAgainst, boolean unmeasurable) {

        public Decision(String id, Instant decidedAt, List<String> channels, String kind, String what,
                        Forecast forecast, Double realised, Instant realisedAt, String basis) {
            this(id, decidedAt, channels, kind, what, forecast, realised, realisedAt, basis, null, false);
        }

        public Decision(String id, Instant decidedAt, List<String> channels, String kind, String what,
                        Forecast forecast, Double realised, Instant realisedAt, String basis,
                        Forecast judgedAgainst) {
            this(id, decidedAt, channels, kind, what, forecast, realised, realisedAt, basis, judgedAgainst, false);
        }

        /** The interval the realised value is judged against, as the service counts it. */
        public Forecast judged() {
            return judgedAgainst != null ? judgedAgainst : forecast;
        }

        public List<String> channels() {
            return channels == null ? List.of() : channels;
        }

        /** Waiting for its outcome: not realised yet, and not closed as unmeasurable. */
        public boolean pending() {
            return realised == null && !unmeasurable;
        }

        /** On or between the interval's ends, as the services count it; {@code false} while pending. */
        public boolean inside() {
            Forecast judged = judged();
            return realised != null && judged != null && realised >= judged.low() && realised <= judged.high();
        }
    }

    /** The point forecast and its 90 % interval. */
    public record Forecast(double value, Double standardError, double low, double high) {
    }

    /**
     * @param unmeasurable decisions whose outcome will never be measured
     * @param warning set by the service when under 80 % of at least ten realised outcomes fell inside their interval
     */
    public record Calibration(int realised, int pending, int unmeasurable, Double shareInsideInterval,
                              Double meanError, Double meanAbsoluteError, String warning) {

        public Calibration(int realised, int pending, Double shareInsideInterval, Double meanError,
                           Double meanAbsoluteError, String warning) {
            this(realised, pending, 0, shareInsideInterval, meanError, meanAbsoluteError, warning);
        }
    }
}
