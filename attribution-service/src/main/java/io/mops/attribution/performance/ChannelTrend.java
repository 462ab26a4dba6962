package io.mops.attribution.performance;

import io.mops.common.events.ChannelPerformanceUpdated.Direction;
import io.mops.common.events.ChannelPerformanceUpdated.Trend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * How a channel's credit moved from the previous window to the current one. The direction follows credited value —
 * what budget decisions weigh — and, when a channel was credited no value in either window, credited conversions.
 * A move of at most {@link #TOLERANCE} (5 %) of the previous figure is FLAT: attribution over a trailing window
 * wobbles from day to day, and a channel should not read as rising or falling on noise. From nothing to something
 * is UP; from something to nothing is DOWN.
 */
public final class ChannelTrend {

    public static final BigDecimal TOLERANCE = new BigDecimal("0.05");

    private ChannelTrend() {
    }

    /**
     * @param previous the channel's figures over {@code previousStart} to {@code previousEnd}; {@link
     *                 ChannelFigures#nothing} when it was neither credited nor spent then
     */
    public static Trend between(ChannelFigures previous, ChannelFigures current, LocalDate previousStart,
                                LocalDate previousEnd) {
        boolean byValue = previous.creditedValue().signum() != 0 || current.creditedValue().signum() != 0;
        Direction direction = byValue ? direction(previous.creditedValue(), current.creditedValue())
                : direction(previous.creditedConversions(), current.creditedConversions());
        return new Trend(previousStart, previousEnd, previous.creditedConversions(), previous.creditedValue(),
                direction);
    }

    static Direction direction(BigDecimal before, BigDecimal now) {
        BigDecimal change = now.subtract(before);
        if (before.signum() == 0) {
            return change.signum() > 0 ? Direction.UP : Direction.FLAT;
        }
        BigDecimal relative = change.divide(before, 6, RoundingMode.HALF_EVEN);
        if (relative.abs().compareTo(TOLERANCE) <= 0) {
            return Direction.FLAT;
        }
        return relative.signum() > 0 ? Direction.UP : Direction.DOWN;
    }
}
