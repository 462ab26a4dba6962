package io.mops.gateway.console;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Traffic shares over time, from testing-service's traffic history: one column per allocation period, oldest first,
 * and per variant its share of the period's exposed units (stacked to 100 % in the chart) beside the share the
 * period's split meant it to get. Every figure is the service's; this only turns shares into percent.
 *
 * @param labels the periods, "v2 · 2026-12-03" (the day its split took effect, UTC)
 */
public record TrafficChart(List<String> labels, List<Series> series, List<PeriodRow> periods) {

    /** One variant's line: its share of each period's exposures in percent, {@code null} for a period without any. */
    public record Series(String variant, List<Double> exposureShares) {
    }

    /** One period in the table: per variant (in {@link TrafficChart#variants} order) planned and received. */
    public record PeriodRow(String label, int allocationVersion, java.time.Instant startedAt, String startedBy,
                            long totalExposures, List<Cell> cells) {
    }

    /**
     * @param planned  the share the split meant the variant to get (0.25), {@code null} when not recorded
     * @param received its share of the period's units, {@code null} for a period without any
     */
    public record Cell(String variant, Double planned, long exposures, Double received) {
    }

    public static TrafficChart of(ExperimentsApi.TrafficHistory history) {
        List<String> variants = variantsOf(history);
        List<String> labels = new ArrayList<>();
        List<List<Double>> shares = new ArrayList<>();
        variants.forEach(v -> shares.add(new ArrayList<>()));
        List<PeriodRow> rows = new ArrayList<>();
        for (ExperimentsApi.AllocationPeriod period : history.periods()) {
            String label = "v" + period.allocationVersion() + (period.startedAt() == null ? ""
                    : " · " + period.startedAt().atZone(ZoneOffset.UTC).toLocalDate());
            labels.add(label);
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                String variant = variants.get(i);
                Double received = period.exposureShares().get(variant);
                shares.get(i).add(percent(received));
                cells.add(new Cell(variant, period.plannedShares().get(variant),
                        period.exposures().getOrDefault(variant, 0L), received));
            }
            rows.add(new PeriodRow(label, period.allocationVersion(), period.startedAt(), period.startedBy(),
                    period.totalExposures(), List.copyOf(cells)));
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            series.add(new Series(variants.get(i), java.util.Collections.unmodifiableList(shares.get(i))));
        }
        return new TrafficChart(List.copyOf(labels), List.copyOf(series), List.copyOf(rows));
    }

    /** The plan's variants, then any variant that received units under a key the plan no longer lists. */
    private static List<String> variantsOf(ExperimentsApi.TrafficHistory history) {
        List<String> variants = new ArrayList<>(history.variants());
        for (ExperimentsApi.AllocationPeriod period : history.periods()) {
            period.exposures().keySet().stream().filter(v -> !variants.contains(v)).sorted().forEach(variants::add);
        }
        return variants;
    }

    public List<String> variants() {
        return series.stream().map(Series::variant).toList();
    }

    /** For the chart's {@code data-series}: the variants' lines, as JSON. */
    public List<java.util.Map<String, Object>> datasets() {
        return series.stream().map(s -> java.util.Map.<String, Object>of("label", s.variant(),
                "data", s.exposureShares())).toList();
    }

    public boolean empty() {
        return periods.stream().allMatch(p -> p.totalExposures() == 0);
    }

    private static Double percent(Double share) {
        return share == null ? null : java.math.BigDecimal.valueOf(share).movePointRight(2)
                .setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
