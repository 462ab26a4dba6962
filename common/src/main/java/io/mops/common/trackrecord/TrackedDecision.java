package io.mops.common.trackrecord;

import java.time.Instant;

/**
 * One decision in a track record: what was decided and when, what it was expected to bring, and what it brought.
 *
 * @param id         the decision's id in its service (a reallocation proposal, an experiment, a QA forecast)
 * @param decidedAt  when the decision was made
 * @param channel    the channel it concerns
 * @param kind       what kind of forecast it is, e.g. {@code OUTCOME_CHANGE}, {@code RELATIVE_UPLIFT}, {@code CLICK_RATE}
 * @param what       the decision in words
 * @param forecast   the forecast with its 90 % interval
 * @param realised   what happened, in the forecast's unit; {@code null} while pending
 * @param realisedAt when the realised value was last recorded; {@code null} while pending
 * @param basis      what the realised value was measured on, or why it is still pending
 */
public record TrackedDecision(String id, Instant decidedAt, String channel, String kind, String what,
                              Forecast forecast, Double realised, Instant realisedAt, String basis) {

    public Calibration.Outcome outcome() {
        return new Calibration.Outcome(forecast, java.util.Optional.ofNullable(realised));
    }
}
