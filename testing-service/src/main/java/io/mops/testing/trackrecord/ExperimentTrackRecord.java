package io.mops.testing.trackrecord;

import io.mops.common.trackrecord.Forecast;
import io.mops.common.trackrecord.TrackRecord;
import io.mops.common.trackrecord.TrackedDecision;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The track record of declared winners: per concluded experiment, the winner's conversion rate as its posterior at
 * the conclusion forecast it ({@link WinnerRateForecast}), beside the rate the winner realised on the units exposed
 * to it after the conclusion. Plain Java; the service reads the experiments and their exposures and hands them here.
 *
 * <p>The rate is what is held to the interval: it is what the rollout observes directly, and its predictive interval
 * is exact. The forecast uplift over the control, and the uplift realised against the control's rate during the
 * experiment, are given beside it in words.
 */
public final class ExperimentTrackRecord {

    /** What a declared winner forecast and what it realised after the conclusion. */
    public static final String KIND = "WINNER_CONVERSION_RATE";

    private ExperimentTrackRecord() {
    }

    /**
     * A concluded experiment's winner.
     *
     * @param alpha          the winner's Beta posterior at the conclusion: prior + converted units
     * @param beta           prior + units that did not convert
     * @param unitsSince     units first exposed to the winner after the conclusion
     * @param convertedSince of them, the units that converted
     * @param controlRate    the control's conversion rate during the experiment; {@code null} when unknown
     * @param uplift         the winner's forecast relative uplift over the control with its 90 % interval;
     *                       {@code null} when the readout had none
     * @param lastExposedAt  when the latest of the units since the conclusion was exposed; {@code null} without any
     */
    public record ConcludedWinner(String experimentKey, String channel, String winner, Instant concludedAt,
                                  double alpha, double beta, long unitsSince, long convertedSince, Double controlRate,
                                  Forecast uplift, Instant lastExposedAt) {

        public ConcludedWinner {
            if (unitsSince < 0 || convertedSince < 0 || convertedSince > unitsSince) {
                throw new IllegalArgumentException("converted units " + convertedSince + " must lie within 0 and the "
                        + unitsSince + " units exposed");
            }
        }

        /** A winner whose uplift over the control is not tracked. */
        public ConcludedWinner(String experimentKey, String channel, String winner, Instant concludedAt,
                               double alpha, double beta, long unitsSince, long convertedSince) {
            this(experimentKey, channel, winner, concludedAt, alpha, beta, unitsSince, convertedSince, null, null,
                    null);
        }
    }

    /**
     * @param minUnits units the winner must have been shown to after the conclusion before its rate is read: fewer
     *                 leave the decision pending
     */
    public static TrackedDecision decision(ConcludedWinner winner, long minUnits) {
        String what = String.format(Locale.ROOT, "experiment '%s' concluded with winner '%s'", winner.experimentKey(),
                winner.winner())
                + (winner.uplift() == null ? "" : String.format(Locale.ROOT, ", forecast uplift over the control "
                        + "%+.1f %% (90 %% interval %+.1f %% to %+.1f %%)", 100 * winner.uplift().value(),
                        100 * winner.uplift().low(), 100 * winner.uplift().high()));
        List<String> channels = winner.channel() == null ? List.of() : List.of(winner.channel());
        if (winner.unitsSince() < Math.max(1, minUnits)) {
            Forecast forecast = WinnerRateForecast.ofRate(winner.alpha(), winner.beta());
            return new TrackedDecision(winner.experimentKey(), winner.concludedAt(), channels, KIND, what, forecast,
                    null, null, String.format(Locale.ROOT, "pending: %d of %d units exposed to the winner since the "
                            + "conclusion", winner.unitsSince(), Math.max(1, minUnits)));
        }
        Forecast forecast = WinnerRateForecast.observedOn(winner.alpha(), winner.beta(), winner.unitsSince());
        double realised = (double) winner.convertedSince() / winner.unitsSince();
        String upliftRealised = winner.controlRate() == null || !(winner.controlRate() > 0) ? ""
                : WinnerRealisation.realisedUplift(winner.controlRate(), winner.unitsSince(), winner.convertedSince(),
                        minUnits).map(uplift -> String.format(Locale.ROOT, "; uplift %+.1f %% over the control's "
                        + "%.4f during the experiment", 100 * uplift, winner.controlRate())).orElse("");
        return new TrackedDecision(winner.experimentKey(), winner.concludedAt(), channels, KIND, what, forecast,
                realised, winner.lastExposedAt(), String.format(Locale.ROOT, "%d of %d units exposed to the winner "
                        + "since the conclusion converted%s; the interval is the posterior predictive of the rate on "
                        + "that many units", winner.convertedSince(), winner.unitsSince(), upliftRealised));
    }

    /** Newest conclusion first, with calibration over the realised ones. */
    public static TrackRecord of(List<ConcludedWinner> winners, long minUnits) {
        return TrackRecord.of(winners.stream()
                .sorted(Comparator.comparing(ConcludedWinner::concludedAt).reversed())
                .map(w -> decision(w, minUnits))
                .toList());
    }
}
