package io.mops.testing.results;

import io.mops.testing.allocation.AllocationDecision;
import io.mops.testing.experiment.MetricKind;
import io.mops.testing.experiment.SequentialPlan;
import io.mops.testing.statistics.SampleRatioCheck;

import java.util.List;

/**
 * The full statistical reading of an experiment.
 *
 * @param guardrails     every guardrail of every variant against the control
 * @param recommendation what the bandit would do now (weights, eliminations, winner); applied only by a
 *                       re-allocation; {@code null} when the metric has too little data for posteriors
 * @param sequentialTest the always-valid tests' mixing scales, fixed when the experiment started
 * @param periodWeights  weight of each allocation period (its share of all exposures), oldest first: every
 *                       variant's estimate combines its per-period estimates with these weights
 */
public record ExperimentReadout(MetricKind metricKind, String controlVariant, List<VariantReadout> variants,
                                SampleRatioCheck sampleRatio, List<GuardrailReadout> guardrails,
                                AllocationDecision recommendation, SequentialPlan sequentialTest,
                                List<Double> periodWeights) {
}
