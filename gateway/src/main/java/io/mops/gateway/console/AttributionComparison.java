package io.mops.gateway.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Attribution credit per channel side by side per model, from attribution-service's credit of a window: the grouped
 * bar chart (one group per channel, one bar per model) and the table. Every figure is the service's.
 *
 * @param rows one per channel, in the service's order
 */
public record AttributionComparison(AttributionApi.WindowCredit window, List<String> models, List<Row> rows) {

    /** One channel: per model (in {@link #models} order) the conversions and value credited, zero when not named. */
    public record Row(String channel, List<AttributionApi.ModelCredit> credit) {
    }

    public static AttributionComparison of(AttributionApi.WindowCredit window) {
        List<String> models = window.credit() == null ? List.of() : window.credit().models();
        List<Row> rows = new ArrayList<>();
        if (window.credit() != null) {
            for (AttributionApi.ChannelRow channel : window.credit().channels()) {
                List<AttributionApi.ModelCredit> credit = new ArrayList<>();
                for (String model : models) {
                    credit.add(channel.credit().getOrDefault(model,
                            new AttributionApi.ModelCredit(BigDecimal.ZERO, BigDecimal.ZERO)));
                }
                rows.add(new Row(channel.channel(), List.copyOf(credit)));
            }
        }
        return new AttributionComparison(window, List.copyOf(models), List.copyOf(rows));
    }

    public String currency() {
        return window.credit() == null ? null : window.credit().currency();
    }

    public List<String> chartLabels() {
        return rows.stream().map(Row::channel).toList();
    }

    /** For the chart's {@code data-series}: per model, the conversions it credits each channel with (2 decimals). */
    public List<Map<String, Object>> conversionSeries() {
        List<Map<String, Object>> series = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            int model = m;
            series.add(Map.of("label", models.get(m), "data", rows.stream()
                    .map(r -> r.credit().get(model).conversions().setScale(2, RoundingMode.HALF_EVEN)).toList()));
        }
        return series;
    }

    public boolean empty() {
        return rows.isEmpty();
    }
}
