package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a ChannelAttribution path export: how many journeys that followed {@code path} converted, the value
 * they converted for, and how many ended without converting ({@code nulls}).
 */
public record AggregatedPath(Path path, long conversions, BigDecimal conversionValue, long nulls) {

    public AggregatedPath {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(conversionValue, "conversionValue");
        if (conversions < 0) {
            throw new IllegalArgumentException("conversions must not be negative");
        }
        if (nulls < 0) {
            throw new IllegalArgumentException("nulls must not be negative");
        }
        if (conversionValue.signum() < 0) {
            throw new IllegalArgumentException("conversion value must not be negative");
        }
        if (conversions == 0 && conversionValue.signum() != 0) {
            throw new IllegalArgumentException("a path without conversions cannot have conversion value");
        }
    }

    public static AggregatedPath of(String path, long conversions, String conversionValue, long nulls) {
        return new AggregatedPath(Path.parse(path), conversions, new BigDecimal(conversionValue), nulls);
    }

    /** Journeys that followed this path, converted or not. */
    public long journeys() {
        return conversions + nulls;
    }

    AggregatedPath plus(AggregatedPath other) {
        return new AggregatedPath(path, conversions + other.conversions, conversionValue.add(other.conversionValue),
                nulls + other.nulls);
    }
}
