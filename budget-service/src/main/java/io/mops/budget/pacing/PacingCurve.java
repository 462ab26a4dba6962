package io.mops.budget.pacing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How a budget is meant to be spent across its period, as the share planned to be gone after {@code d} of
 * {@code D} days. Front-loaded spends fast early ({@code 1 - (1 - d/D)²}), back-loaded saves for the end
 * ({@code (d/D)²}); both reach the whole budget on the last day, as even pacing does.
 */
public enum PacingCurve {
    EVEN,
    FRONT_LOADED,
    BACK_LOADED;

    public BigDecimal plannedShare(long daysElapsed, long periodDays) {
        if (periodDays <= 0 || daysElapsed < 0 || daysElapsed > periodDays) {
            throw new IllegalArgumentException(daysElapsed + " of " + periodDays + " days is not a point in a period");
        }
        BigDecimal d = BigDecimal.valueOf(daysElapsed);
        BigDecimal total = BigDecimal.valueOf(periodDays);
        BigDecimal totalSquared = total.multiply(total);
        return switch (this) {
            case EVEN -> d.divide(total, MathContext.DECIMAL64);
            case FRONT_LOADED -> d.multiply(total.add(total).subtract(d)).divide(totalSquared, MathContext.DECIMAL64);
            case BACK_LOADED -> d.multiply(d).divide(totalSquared, MathContext.DECIMAL64);
        };
    }
}
