package io.mops.budget.guard;

import java.time.Instant;

/**
 * What arrived for one channel in one clock hour: the spend reported in it and the touchpoints observed in it.
 *
 * @param hour        the hour's start (UTC, on the hour)
 * @param spend       spend reported during the hour, in the plan's currency
 * @param touchpoints touchpoints of the channel that arrived during the hour
 */
public record ChannelHour(Instant hour, double spend, long touchpoints) {

    public ChannelHour {
        if (spend < 0 || touchpoints < 0) {
            throw new IllegalArgumentException("spend and touchpoints of an hour are never negative");
        }
    }

    int hourOfDay() {
        return (int) ((hour.getEpochSecond() / 3600) % 24);
    }
}
