package io.mops.common.trackrecord;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One decision in a track record: what was decided and when, what it was expected to bring, and what it brought.
 *
 * @param id         the decision's id in its service (a reallocation proposal, an experiment, a QA forecast)
 * @param decidedAt  when the decision was made
 * @param channels   the channels it concerns (a budget move touches several)
 * @param kind       what kind of forecast it is, e.g. {@code OUTCOME_CHANGE}, {@code RELATIVE_UPLIFT}, {@code CLICK_RATE}
 * @param what       the decision in words
 * @param forecast   the forecast with its 90 % interval
 * @param realised   what happened, in the forecast's unit; {@code null} while pending
 * @param realisedAt when the realised value was last recorded; {@code null} while pending
 * @param basis      what the realised value was measured on, or why it is still pending
 * @param judgedAgainst the interval the realised value is judged against when its measurement is noisy: the
 *                   forecast's widened by the measurement's standard error ({@link Forecast#widenedBy}); {@code null}
 *                   when the realised value is judged against the forecast's own interval
 * @param unmeasurable whether the outcome can never be measured (e.g. another change overlapped the move's window):
 *                   such a decision has no realised value and is not waiting for one either; {@link #basis} says why
 */
public record TrackedDecision(String id, Instant decidedAt, List<String> channels, String kind, String what,
                              Forecast forecast, Double realised, Instant realisedAt, String basis,
                              Forecast judgedAgainst, boolean unmeasurable) {

    public TrackedDecision {
        channels = List.copyOf(channels);
        if (unmeasurable && realised != null) {
            throw new IllegalArgumentException("decision " + id + " is unmeasurable but has a realised value");
        }
    }

    /** A decision that is pending or realised, judged against {@code judgedAgainst} where that is given. */
    public TrackedDecision(String id, Instant decidedAt, List<String> channels, String kind, String what,
                           Forecast forecast, Double realised, Instant realisedAt, String basis,
                           Forecast judgedAgainst) {
        this(id, decidedAt, channels, kind, what, forecast, realised, realisedAt, basis, judgedAgainst, false);
    }

    /** A decision whose realised value is judged against its forecast's own interval. */
    public TrackedDecision(String id, Instant decidedAt, List<String> channels, String kind, String what,
                           Forecast forecast, Double realised, Instant realisedAt, String basis) {
        this(id, decidedAt, channels, kind, what, forecast, realised, realisedAt, basis, null);
    }

    public Calibration.Outcome outcome() {
        return new Calibration.Outcome(judgedAgainst == null ? forecast : judgedAgainst, Optional.ofNullable(realised),
                unmeasurable);
    }
}
