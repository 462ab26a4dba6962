package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackRecordChartTest {

    private static TrackRecord.Decision decision(String day, List<String> channels, double low, double value,
                                                 double high, Double realised) {
        return new TrackRecord.Decision(day, Instant.parse(day + "T10:00:00Z"), channels, "OUTCOME_CHANGE",
                "a move", new TrackRecord.Forecast(value, null, low, high), realised,
                realised == null ? null : Instant.parse(day + "T12:00:00Z"), "basis");
    }

    private static final TrackRecord RECORD = new TrackRecord(List.of(
            decision("2026-12-05", List.of("email", "search"), 100, 400, 700, null),
            decision("2026-11-20", List.of("social"), -50, 200, 450, 500.0),
            decision("2026-11-02", List.of("search"), 0, 300, 600, 250.0)),
            new TrackRecord.Calibration(2, 1, 0.5, 125.0, 175.0, null));

    @Test
    void theOldestDecisionIsOnTheLeftThoughTheServicesListTheNewestFirst() {
        TrackRecordChart chart = TrackRecordChart.of(RECORD);
        assertEquals(List.of("2026-11-02 search", "2026-11-20 social", "2026-12-05 email, search"), chart.labels());
        assertEquals(List.of(0.0, -50.0, 100.0), chart.lows());
        assertEquals(List.of(300.0, 200.0, 400.0), chart.forecasts());
        assertEquals(List.of(600.0, 450.0, 700.0), chart.highs());
    }

    @Test
    void aPendingDecisionHasAForecastButNoRealisedPoint() {
        TrackRecordChart chart = TrackRecordChart.of(RECORD);
        assertEquals(Arrays.asList(250.0, 500.0, null), chart.realised());
        assertEquals("[250.0,500.0,null]", ConsoleFormats.json(chart.realised()));
    }

    @Test
    void aRealisedValueOutsideItsIntervalIsNotInside() {
        List<Boolean> inside = RECORD.decisions().stream().map(TrackRecord.Decision::inside).toList();
        assertEquals(List.of(false, false, true), inside, "pending, above the interval, inside");
        assertTrue(RECORD.decisions().get(0).pending());
    }

    @Test
    void aMeasuredNoiseWidensTheIntervalTheRealisedValueIsJudgedAndDrawnAgainst() {
        // 500 is above the forecast's 450 but inside the judged -120 to 520.
        TrackRecord.Decision noisy = new TrackRecord.Decision("2026-11-20", Instant.parse("2026-11-20T10:00:00Z"),
                List.of("social"), "OUTCOME_CHANGE", "a move", new TrackRecord.Forecast(200, 152.0, -50, 450), 500.0,
                Instant.parse("2026-11-28T00:00:00Z"), "basis", new TrackRecord.Forecast(200, 194.5, -120, 520));
        assertTrue(noisy.inside());
        TrackRecordChart chart = TrackRecordChart.of(new TrackRecord(List.of(noisy),
                new TrackRecord.Calibration(1, 0, 1.0, 300.0, 300.0, null)));
        assertEquals(List.of(-120.0), chart.lows());
        assertEquals(List.of(200.0), chart.forecasts());
        assertEquals(List.of(520.0), chart.highs());
    }

    @Test
    void anEmptyTrackRecordDrawsNoChart() {
        TrackRecord none = new TrackRecord(null, new TrackRecord.Calibration(0, 0, null, null, null, null));
        assertTrue(TrackRecordChart.of(none).empty());
        assertFalse(TrackRecordChart.of(RECORD).empty());
    }
}
