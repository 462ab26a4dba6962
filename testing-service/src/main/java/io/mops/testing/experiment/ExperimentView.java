package io.mops.testing.experiment;

import java.time.Instant;
import java.util.UUID;

public record ExperimentView(UUID id, String key, String name, String channel, Experiment.Status status,
                             String createdBy, Instant createdAt) {

    static ExperimentView of(Experiment e) {
        return new ExperimentView(e.id, e.key, e.name, e.channel, e.status, e.createdBy, e.createdAt);
    }
}
