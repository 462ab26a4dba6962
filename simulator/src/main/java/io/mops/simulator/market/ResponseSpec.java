package io.mops.simulator.market;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A channel's true response: expected incremental conversions per day as a function of its adstock (today's spend
 * plus {@code decay} of yesterday's adstock).
 *
 * <ul>
 *   <li>{@code adstock-hill}: {@code maxResponse · A^shape / (A^shape + halfSaturation^shape)} — concave for shape ≤ 1,
 *       S-shaped above;</li>
 *   <li>{@code logarithmic}: {@code scale · ln(1 + A / saturation)};</li>
 *   <li>{@code linear-capped}: {@code min(rate · A, cap)}.</li>
 * </ul>
 * A channel that does nothing has {@code maxResponse}, {@code scale} or {@code rate} 0.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ResponseSpec(String family, Double decay, Double maxResponse, Double halfSaturation, Double shape,
                           Double scale, Double saturation, Double rate, Double cap) {

    public static final String ADSTOCK_HILL = "adstock-hill";
    public static final String LOGARITHMIC = "logarithmic";
    public static final String LINEAR_CAPPED = "linear-capped";

    double decayOrZero() {
        return decay == null ? 0 : decay;
    }

    void validate(String field) {
        if (family == null) {
            throw new MarketSpecException(field + ".family", "is required: " + ADSTOCK_HILL + ", " + LOGARITHMIC + " or "
                    + LINEAR_CAPPED);
        }
        double d = decayOrZero();
        if (!(d >= 0 && d < 1)) {
            throw new MarketSpecException(field + ".decay", "must be in [0, 1)");
        }
        switch (family) {
            case ADSTOCK_HILL -> {
                nonNegative(field + ".maxResponse", maxResponse);
                positive(field + ".halfSaturation", halfSaturation);
                positive(field + ".shape", shape);
            }
            case LOGARITHMIC -> {
                nonNegative(field + ".scale", scale);
                positive(field + ".saturation", saturation);
            }
            case LINEAR_CAPPED -> {
                nonNegative(field + ".rate", rate);
                positive(field + ".cap", cap);
            }
            default -> throw new MarketSpecException(field + ".family", "unknown family '" + family + "'");
        }
    }

    private static void nonNegative(String field, Double value) {
        if (value == null || !(value >= 0) || value.isInfinite()) {
            throw new MarketSpecException(field, "must be a finite number ≥ 0");
        }
    }

    private static void positive(String field, Double value) {
        if (value == null || !(value > 0) || value.isInfinite()) {
            throw new MarketSpecException(field, "must be a finite number > 0");
        }
    }
}
