package io.mops.budget.guard;

import io.mops.common.trackrecord.Forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The loop's own decisions (issue 15): an applied budget move whose realised outcome, as the track record measured
 * it, fell below its forecast's 90 % interval ({@code value − 1.645 standardError}). The forecast was too optimistic
 * by more than its own uncertainty allows, so the curves that made the move are in doubt for every channel it changed:
 * one finding per moved channel. A realised value on the interval's end, or above the interval, is no finding (doing
 * better than forecast harms nothing).
 */
public final class LoopDecision {

    private LoopDecision() {
    }

    /**
     * @param moveId     the applied move (its proposal id)
     * @param channels   the channels the move changed
     * @param forecast   the move's forecast with the 90 % interval its realised change is judged against (the
     *                   forecast's own widened by the measurement's noise, see the track record)
     * @param realised   the realised change, in the forecast's unit
     * @param realisedAt when the track record measured it
     * @return one anomaly per moved channel when {@code realised} is below the interval, else none
     */
    public static List<Anomaly> judge(UUID moveId, Set<String> channels, Forecast forecast, double realised,
                                      String currency, Instant realisedAt) {
        if (realised >= forecast.low()) {
            return List.of();
        }
        String evidence = String.format(Locale.ROOT, "budget move %s across %s realised %.2f %s against a forecast of "
                        + "%.2f, below its 90 %% interval [%.2f, %.2f]", moveId, String.join(", ", new TreeSet<>(channels)),
                realised, currency, forecast.value(), forecast.low(), forecast.high());
        // The shortfall from the forecast against the interval's own distance below it: 1 on the interval's end.
        double margin = Severity.above(forecast.value() - realised, forecast.value() - forecast.low());
        List<Anomaly> found = new ArrayList<>();
        for (String channel : new TreeSet<>(channels)) {
            found.add(new Anomaly(Detector.LOOP_DECISION, channel, realisedAt, realised, forecast.value(),
                    forecast.low(), evidence, margin));
        }
        return found;
    }
}
