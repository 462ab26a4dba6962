package io.mops.testing.experiment;

import io.mops.testing.launch.LaunchView;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An experiment with its variants and its lifecycle history, and where the campaign it tests stands in the launch
 * chain ({@code launch}: null when it names no campaign).
 *
 * @param waitingFor why an {@code AWAITING_CLEARANCE} experiment has not started yet (its campaign not cleared, or
 *                   cleared while the risk guard holds the channel); null in any other status
 */
public record ExperimentDetail(ExperimentView experiment, List<VariantView> variants, List<TransitionView> history,
                               LaunchView launch, String waitingFor) {

    public record VariantView(String key, String name, Map<String, String> components, double share, boolean live,
                              boolean control, Instant eliminatedAt, String eliminatedReason) {
    }

    public record TransitionView(Experiment.Status from, Experiment.Status to, String by, Instant at, String reason) {
    }
}
