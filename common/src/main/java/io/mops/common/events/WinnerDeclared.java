package io.mops.common.events;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An experiment concluded with a winner: proven better than every other live variant (at the error rate that
 * bounds the chance of losing the best variant) and past both the chance-to-be-best and the expected-loss
 * thresholds. The budget service moves spend to winners.
 *
 * @param expectedLoss          metric expected to be given up by choosing this variant (in the metric's unit)
 * @param relativeUpliftOverControl posterior estimate of {@code winner / control - 1}; {@code null} when the winner
 *                              is the control itself
 */
public record WinnerDeclared(
        @NotBlank String experimentKey,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank String variantKey,
        @NotBlank String metric,
        @DecimalMin("0") @DecimalMax("1") double chanceToBeBest,
        @PositiveOrZero double expectedLoss,
        Double relativeUpliftOverControl) {

    public static final EventType<WinnerDeclared> TYPE =
            new EventType<>("WinnerDeclared", 1, Topics.TESTING_EVENTS, WinnerDeclared.class);

    public String subject() {
        return "experiment:" + experimentKey;
    }
}
