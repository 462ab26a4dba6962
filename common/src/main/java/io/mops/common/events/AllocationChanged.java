package io.mops.common.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.Map;

/**
 * The testing service moved an experiment's traffic: from now on each variant receives the given share of newly
 * assigned units (Thompson sampling re-weighting, or a variant's elimination).
 *
 * @param allocationVersion increases by one with every change, so a consumer can drop stale ones
 * @param shares            share of traffic per variant key, adding up to one; eliminated variants have 0
 */
public record AllocationChanged(
        @NotBlank String experimentKey,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String channel,
        @PositiveOrZero int allocationVersion,
        @NotNull @NotEmpty Map<String, Double> shares) {

    public static final EventType<AllocationChanged> TYPE =
            new EventType<>("AllocationChanged", 1, Topics.TESTING_EVENTS, AllocationChanged.class);

    public String subject() {
        return "experiment:" + experimentKey;
    }
}
