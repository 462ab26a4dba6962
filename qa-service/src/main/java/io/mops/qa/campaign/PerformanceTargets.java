package io.mops.qa.campaign;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import java.math.BigDecimal;

/**
 * The rates the campaign is planned to reach, as fractions (0.035 is 3.5 %); either may be left out.
 *
 * @param clickRate      clicks per exposure (delivered email, sent text, ad impression)
 * @param conversionRate conversions per click
 */
public record PerformanceTargets(
        @DecimalMin(value = "0", message = "must be a fraction between 0 and 1")
        @DecimalMax(value = "1", message = "must be a fraction between 0 and 1") BigDecimal clickRate,
        @DecimalMin(value = "0", message = "must be a fraction between 0 and 1")
        @DecimalMax(value = "1", message = "must be a fraction between 0 and 1") BigDecimal conversionRate) {
}
