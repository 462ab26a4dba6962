package io.mops.attribution.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Journeys aggregated by the order of channels they went through: the input of every path-based model and the
 * format teams export from ChannelAttribution. Lines with the same path are merged; values are in {@code currency}.
 */
public record PathSet(String currency, List<AggregatedPath> paths) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public PathSet {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(paths, "paths");
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
        Map<Path, AggregatedPath> merged = new LinkedHashMap<>();
        for (AggregatedPath line : paths) {
            merged.merge(line.path(), line, AggregatedPath::plus);
        }
        paths = List.copyOf(merged.values());
    }

    /** Groups journeys by their channel path; a converted journey adds one conversion and its value. */
    public static PathSet aggregate(String currency, Iterable<Journey> journeys) {
        Aggregation aggregation = new Aggregation();
        journeys.forEach(aggregation::add);
        return aggregation.toPathSet(currency);
    }

    /**
     * Journeys grouped by channel path as they come, so that they need not be held: memory grows with the distinct
     * paths. Paths keep the order in which they were first seen.
     */
    public static final class Aggregation {

        private final Map<Path, long[]> counts = new HashMap<>();
        private final Map<Path, BigDecimal> values = new HashMap<>();
        private final List<Path> order = new ArrayList<>();

        public void add(Journey journey) {
            Path path = journey.path();
            long[] count = counts.get(path);
            if (count == null) {
                count = new long[2];
                counts.put(path, count);
                values.put(path, BigDecimal.ZERO);
                order.add(path);
            }
            if (journey.conversion().isPresent()) {
                count[0]++;
                values.merge(path, journey.conversion().get().value(), BigDecimal::add);
            } else {
                count[1]++;
            }
        }

        public PathSet toPathSet(String currency) {
            List<AggregatedPath> lines = new ArrayList<>(order.size());
            for (Path path : order) {
                long[] count = counts.get(path);
                lines.add(new AggregatedPath(path, count[0], values.get(path), count[1]));
            }
            return new PathSet(currency, lines);
        }
    }

    public long totalConversions() {
        long total = 0;
        for (AggregatedPath line : paths) {
            total += line.conversions();
        }
        return total;
    }

    public BigDecimal totalConversionValue() {
        BigDecimal total = BigDecimal.ZERO;
        for (AggregatedPath line : paths) {
            total = total.add(line.conversionValue());
        }
        return total;
    }

    public long totalNulls() {
        long total = 0;
        for (AggregatedPath line : paths) {
            total += line.nulls();
        }
        return total;
    }

    /** Every channel named on some path, alphabetically. */
    public SortedSet<String> channels() {
        SortedSet<String> channels = new TreeSet<>();
        for (AggregatedPath line : paths) {
            channels.addAll(line.path().channels());
        }
        return channels;
    }
}
