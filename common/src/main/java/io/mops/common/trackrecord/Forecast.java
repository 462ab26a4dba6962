package io.mops.common.trackrecord;

/**
 * What a decision expected, with its 90 % interval: the value a realised outcome is compared with, and the range it
 * should fall in nine times in ten if the forecast is honest about its uncertainty.
 *
 * @param value         the expected value (the point forecast)
 * @param standardError the forecast's standard error when it was given as one, else {@code null}
 * @param low           the lower end of the 90 % interval
 * @param high          the upper end of the 90 % interval
 */
public record Forecast(double value, Double standardError, double low, double high) {

    /** The probability the interval is meant to hold the realised value with. */
    public static final double LEVEL = 0.90;
    /**
     * The standard normal's 95 % quantile, Φ⁻¹(0.95): a normal forecast's 90 % interval is value ± this many
     * standard errors. A constant rather than a library call because common carries no numerics library and the
     * number never changes.
     */
    public static final double Z_90 = 1.6448536269514722;

    public Forecast {
        if (!Double.isFinite(value) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("a forecast needs finite numbers, got " + value + " in [" + low + ", "
                    + high + "]");
        }
        if (low > high) {
            throw new IllegalArgumentException("the interval's low end " + low + " is above its high end " + high);
        }
        if (standardError != null && !(standardError >= 0)) {
            throw new IllegalArgumentException("a standard error is never negative, got " + standardError);
        }
    }

    /** A normal forecast: the interval is {@code value ± 1.645 standardError}. */
    public static Forecast withStandardError(double value, double standardError) {
        return new Forecast(value, standardError, value - Z_90 * standardError, value + Z_90 * standardError);
    }

    /** A forecast given by its 90 % interval (not necessarily symmetric about the value). */
    public static Forecast withInterval(double value, double low, double high) {
        return new Forecast(value, null, low, high);
    }

    /**
     * The interval a noisy measurement of the forecast quantity should fall in nine times in ten: the forecast's
     * uncertainty and the measurement's, independent, added in quadrature on each side. A forecast of an expected
     * change is judged against a measured change this way; judged against its own interval, an honest forecast of a
     * mean would look overconfident whenever the measurement is noisier than the forecast.
     *
     * @param measurementStandardError the standard error of the realised value's measurement
     */
    public Forecast widenedBy(double measurementStandardError) {
        if (!(measurementStandardError >= 0) || Double.isInfinite(measurementStandardError)) {
            throw new IllegalArgumentException("a measurement's standard error is finite and never negative, got "
                    + measurementStandardError);
        }
        if (standardError != null) {
            return withStandardError(value, Math.hypot(standardError, measurementStandardError));
        }
        double extra = Z_90 * measurementStandardError;
        return withInterval(value, value - Math.hypot(value - low, extra), value + Math.hypot(high - value, extra));
    }

    /** Inside means on or between the ends: a realised value equal to an end was forecast. */
    public boolean holds(double realised) {
        return realised >= low && realised <= high;
    }
}
