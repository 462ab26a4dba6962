package io.mops.testing.assignment;

import io.mops.testing.experiment.Experiment;
import io.mops.testing.experiment.ExperimentVariant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link StickyAssigner} per experiment and allocation version, so that the hot assignment path reads only the
 * experiment row. A new allocation version replaces the entry; a stale one can never be served because the
 * version is part of the lookup.
 */
@ApplicationScoped
public class AssignerCache {

    private record Entry(int version, StickyAssigner assigner) {
    }

    private final Map<UUID, Entry> assigners = new ConcurrentHashMap<>();

    public Uni<StickyAssigner> assignerFor(Experiment experiment) {
        Entry cached = assigners.get(experiment.id);
        if (cached != null && cached.version() == experiment.allocationVersion) {
            return Uni.createFrom().item(cached.assigner());
        }
        int version = experiment.allocationVersion;
        return ExperimentVariant.of(experiment.id).map(variants -> {
            StickyAssigner assigner = assignerOf(experiment.seed, variants);
            assigners.put(experiment.id, new Entry(version, assigner));
            return assigner;
        });
    }

    public static StickyAssigner assignerOf(int seed, List<ExperimentVariant> variants) {
        return new StickyAssigner(seed, variants.stream()
                .map(v -> new TrafficShare(v.key, v.share, v.live))
                .toList());
    }
}
