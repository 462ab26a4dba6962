package io.mops.qa.campaign;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/**
 * The rates the campaign is planned to reach, as fractions (0.035 is 3.5 %), and how many exposures it plans; any
 * may be left out.
 *
 * @param clickRate        clicks per exposure (delivered email, sent text, ad impression)
 * @param conversionRate   conversions per click
 * @param plannedExposures the exposures the campaign plans (impressions to buy, emails or texts to deliver); the
 *                         forecast is for a campaign of this size, and without it for one of the audience's size
 */
public record PerformanceTargets(
        @DecimalMin(value = "0", message = "must be a fraction between 0 and 1")
        @DecimalMax(value = "1", message = "must be a fraction between 0 and 1") BigDecimal clickRate,
        @DecimalMin(value = "0", message = "must be a fraction between 0 and 1")
        @DecimalMax(value = "1", message = "must be a fraction between 0 and 1") BigDecimal conversionRate,
        @Positive Long plannedExposures) {

    public PerformanceTargets(BigDecimal clickRate, BigDecimal conversionRate) {
        this(clickRate, conversionRate, null);
    }
}
