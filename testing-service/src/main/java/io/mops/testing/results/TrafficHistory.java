package io.mops.testing.results;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How an experiment's traffic was split over time: per allocation period, the shares the split meant each variant
 * to get and the units each actually received (first exposed in the period, while the experiment ran).
 *
 * @param variants the experiment's variant keys, in their planned order
 * @param periods  oldest first: every stored period, and any period with exposures but no stored split (experiments
 *                 started before splits were recorded)
 */
public record TrafficHistory(String experiment, List<String> variants, List<Period> periods) {

    /**
     * @param startedAt      when the split took effect; {@code null} when it was not recorded
     * @param startedBy      who started it: the person or service that started the experiment or re-weighed it
     * @param plannedShares  variant key to the share the split meant it to get; empty when it was not recorded
     * @param exposures      variant key to units first exposed to it in the period (every variant, zero included)
     * @param exposureShares variant key to its share of the period's exposures; empty for a period without any
     */
    public record Period(int allocationVersion, Instant startedAt, String startedBy, Map<String, Double> plannedShares,
                         Map<String, Long> exposures, long totalExposures, Map<String, Double> exposureShares) {
    }

    /** A split as stored when a period began. */
    public record Split(int allocationVersion, Instant startedAt, String startedBy, Map<String, Double> shares) {
    }

    /** Units first exposed to one variant in one period. */
    public record Count(String variantKey, int allocationVersion, long exposures) {
    }

    public static TrafficHistory of(String experiment, List<String> variants, List<Split> splits, List<Count> counts) {
        Map<Integer, Split> splitByVersion = new HashMap<>();
        TreeSet<Integer> versions = new TreeSet<>();
        for (Split split : splits) {
            splitByVersion.put(split.allocationVersion(), split);
            versions.add(split.allocationVersion());
        }
        Map<Integer, Map<String, Long>> countsByVersion = new HashMap<>();
        for (Count count : counts) {
            countsByVersion.computeIfAbsent(count.allocationVersion(), v -> new HashMap<>())
                    .merge(count.variantKey(), count.exposures(), Long::sum);
            versions.add(count.allocationVersion());
        }
        List<Period> periods = versions.stream().map(version -> {
            Split split = splitByVersion.get(version);
            Map<String, Long> counted = countsByVersion.getOrDefault(version, Map.of());
            Map<String, Long> exposures = new LinkedHashMap<>();
            variants.forEach(key -> exposures.put(key, counted.getOrDefault(key, 0L)));
            // Exposures reported under a key the plan no longer lists still count towards the period's total.
            counted.forEach(exposures::putIfAbsent);
            long total = exposures.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Double> shares = new LinkedHashMap<>();
            if (total > 0) {
                exposures.forEach((key, units) -> shares.put(key, (double) units / total));
            }
            return new Period(version, split == null ? null : split.startedAt(),
                    split == null ? null : split.startedBy(),
                    split == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(split.shares())),
                    exposures, total, shares);
        }).toList();
        return new TrafficHistory(experiment, List.copyOf(variants), periods);
    }
}
