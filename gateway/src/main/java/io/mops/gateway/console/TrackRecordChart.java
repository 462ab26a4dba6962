package io.mops.gateway.console;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The forecast-vs-realised chart of a track record: one column per decision, oldest on the left (the services list
 * them newest first), with the 90 % interval its realised value is judged against (the forecast's, or the
 * forecast's widened by the measurement's noise where the service measured that), its point forecast and, once
 * known, what it realised.
 */
public record TrackRecordChart(List<String> labels, List<Double> lows, List<Double> forecasts, List<Double> highs,
                               List<Double> realised) {

    public static TrackRecordChart of(TrackRecord record) {
        List<TrackRecord.Decision> oldestFirst = new ArrayList<>(record.decisions());
        java.util.Collections.reverse(oldestFirst);
        List<String> labels = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        List<Double> forecasts = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        List<Double> realised = new ArrayList<>();
        for (TrackRecord.Decision d : oldestFirst) {
            String day = d.decidedAt() == null ? "" : d.decidedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
            labels.add((day + " " + String.join(", ", d.channels())).strip());
            lows.add(d.judged().low());
            forecasts.add(d.forecast().value());
            highs.add(d.judged().high());
            realised.add(d.realised());
        }
        return new TrackRecordChart(labels, lows, forecasts, highs, realised);
    }

    public boolean empty() {
        return labels.isEmpty();
    }
}
