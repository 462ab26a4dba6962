package io.mops.testing.experiment;

import java.time.Instant;
import java.util.UUID;

public record ExperimentView(UUID id, String key, String name, String channel, Experiment.Status status,
                             String createdBy, Instant createdAt, String metric, MetricKind metricKind,
                             String controlVariant, int allocationVersion, String winner, String statusChangedBy,
                             Instant statusChangedAt, java.util.List<String> guardrails, Long reweighEverySeconds,
                             Instant lastReweighedAt, Double baseline, Double minimumDetectableEffect,
                             Double sequentialMixingScale, Boolean sequentialStandardised,
                             Double guardrailMixingScale, String campaignId) {

    static ExperimentView of(Experiment e) {
        return new ExperimentView(e.id, e.key, e.name, e.channel, e.status, e.createdBy, e.createdAt, e.metric,
                e.metricKind, e.controlVariant, e.allocationVersion, e.winner, e.statusChangedBy, e.statusChangedAt,
                e.guardrailMetrics(), e.reweighEverySeconds, e.lastReweighedAt, e.baseline, e.minimumDetectableEffect,
                e.sequentialMixingScale, e.sequentialStandardised, e.guardrailMixingScale, e.campaignId);
    }
}
