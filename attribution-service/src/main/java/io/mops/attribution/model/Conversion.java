package io.mops.attribution.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The moment a customer converted and what the conversion was worth (in the currency of its journey set). */
public record Conversion(Instant at, BigDecimal value) {

    public Conversion {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a conversion's value must not be negative");
        }
    }
}
