package io.mops.common.trackrecord;

import java.util.List;

/** A service's decisions, newest first, beside their calibration overall. */
public record TrackRecord(List<TrackedDecision> decisions, Calibration calibration) {

    public static TrackRecord of(List<TrackedDecision> decisions) {
        return new TrackRecord(List.copyOf(decisions),
                Calibration.of(decisions.stream().map(TrackedDecision::outcome).toList()));
    }
}
