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
 */
public record TrackedDecision(String id, Instant decidedAt, List<String> channels, String kind, String what,
                              Forecast forecast, Double realised, Instant realisedAt, String basis) {

    public TrackedDecision {
        channels = List.copyOf(channels);
    }

    public Calibration.Outcome outcome() {
        return new Calibration.Outcome(forecast, Optional.ofNullable(realised));
    }
}
