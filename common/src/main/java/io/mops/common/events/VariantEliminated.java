package io.mops.common.events;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * A variant of an experiment was stopped: it receives no new units, and units already assigned to it are
 * re-hashed among the live variants.
 *
 * @param chanceToBeBest its posterior chance to be the best variant when it was eliminated
 * @param reason         why, in words a channel manager can read
 */
public record VariantEliminated(
        @NotBlank String experimentKey,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @NotBlank String variantKey,
        @DecimalMin("0") @DecimalMax("1") double chanceToBeBest,
        @NotBlank String reason) {

    public static final EventType<VariantEliminated> TYPE =
            new EventType<>("VariantEliminated", 1, Topics.TESTING_EVENTS, VariantEliminated.class);

    public String subject() {
        return "experiment:" + experimentKey;
    }
}
