package io.mops.gateway.console;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentReportTest {

    private static final ExperimentsApi.Experiment EXPERIMENT = new ExperimentsApi.Experiment("bf-subject",
            "Black Friday subject", "email", "RUNNING", "purchase", null, Instant.parse("2026-12-01T09:00:00Z"));

    private static final ExperimentsApi.Detail DETAIL = new ExperimentsApi.Detail(EXPERIMENT, List.of(
            new ExperimentsApi.Variant("a", "Plain subject", 0.5, true, true, null, null),
            new ExperimentsApi.Variant("b", "Urgent subject", 0.5, true, false, null, null),
            new ExperimentsApi.Variant("c", "Emoji subject", 0.0, false, false, Instant.parse("2026-12-03T00:00:00Z"),
                    "chance to be best below 1 %")));

    private static ExperimentsApi.Results results(String winner, List<ExperimentsApi.Guardrail> guardrails) {
        return new ExperimentsApi.Results("bf-subject", "RUNNING", "purchase", 2, winner, List.of(
                new ExperimentsApi.Period(1, Instant.parse("2026-12-01T09:00:00Z"), 300, 0.6),
                new ExperimentsApi.Period(2, Instant.parse("2026-12-03T00:00:00Z"), 200, 0.4)),
                new ExperimentsApi.Readout("BINARY", "a", List.of(
                        new ExperimentsApi.VariantResult("a", true, 200, 10L, 0.05,
                                new ExperimentsApi.Bayesian(0.2, 0.01, null, null,
                                        new ExperimentsApi.Interval(0.027345, 0.088799, 0.95)), null),
                        new ExperimentsApi.VariantResult("b", true, 200, 16L, 0.08,
                                new ExperimentsApi.Bayesian(0.78, 0.001, 0.91,
                                        new ExperimentsApi.Uplift(-0.12345, 0.6, 1.51239, 0.95),
                                        new ExperimentsApi.Interval(0.049, 0.1235, 0.95)),
                                new ExperimentsApi.Test(0.09)),
                        new ExperimentsApi.VariantResult("c", false, 100, 2L, 0.02,
                                new ExperimentsApi.Bayesian(0.02, 0.05, 0.1,
                                        new ExperimentsApi.Uplift(-0.9, -0.6, 0.3, 0.95), null),
                                new ExperimentsApi.Test(0.2))),
                        new ExperimentsApi.SampleRatio(0.4, 1, 0.53, 0.001, false), guardrails));
    }

    @Test
    void eachVariantOfTheReadoutCarriesItsPlannedNameShareAndElimination() {
        ExperimentReport report = ExperimentReport.of(DETAIL, results(null, List.of()));
        assertEquals(List.of("Plain subject", "Urgent subject", "Emoji subject"),
                report.rows().stream().map(ExperimentReport.Row::name).toList());
        ExperimentReport.Row control = report.rows().get(0);
        assertTrue(control.control());
        assertEquals(0.5, control.share());
        assertNull(control.uplift(), "the control has no uplift over itself");
        ExperimentReport.Row eliminated = report.rows().get(2);
        assertFalse(eliminated.live());
        assertEquals("chance to be best below 1 %", eliminated.eliminatedReason());
        assertEquals(0.78, report.rows().get(1).chanceToBeBest());
    }

    @Test
    void theChartHasOneIntervalPerVariantAgainstTheControlInPercent() {
        ExperimentReport report = ExperimentReport.of(DETAIL, results(null, List.of()));
        assertEquals(List.of("b", "c"), report.chartLabels());
        assertEquals(List.of(-12.35, -90.0), report.chartLows());
        assertEquals(List.of(60.0, -60.0), report.chartEstimates());
        assertEquals(List.of(151.24, 30.0), report.chartHighs());
        assertEquals(0.95, report.chartLevel());
    }

    /** Rates are drawn in percent to two decimals, half up: 0.027345 is 2.73 %, 0.1235 is 12.35 %. */
    @Test
    void thePosteriorChartHasEachVariantsOwnIntervalAroundItsMeasuredRateInPercent() {
        ExperimentReport report = ExperimentReport.of(DETAIL, results(null, List.of()));
        assertTrue(report.ratesInPercent());
        assertEquals(List.of("a", "b"), report.posteriorLabels(), "c has no interval in this readout");
        assertEquals(List.of(2.73, 4.9), report.posteriorLows());
        assertEquals(List.of(5.0, 8.0), report.posteriorMeans());
        assertEquals(List.of(8.88, 12.35), report.posteriorHighs());
        assertEquals(0.95, report.posteriorLevel());
    }

    @Test
    void aContinuousMetricsIntervalsAreDrawnInTheMetricsOwnUnit() {
        ExperimentsApi.Results results = new ExperimentsApi.Results("bf-subject", "RUNNING", "revenue", 0, null,
                List.of(), new ExperimentsApi.Readout("CONTINUOUS", "a", List.of(
                        new ExperimentsApi.VariantResult("a", true, 50, null, 12.0,
                                new ExperimentsApi.Bayesian(0.4, 0.2, null, null,
                                        new ExperimentsApi.Interval(11.6081, 12.3919, 0.95)), null)),
                        null, List.of()));
        ExperimentReport report = ExperimentReport.of(DETAIL, results);
        assertFalse(report.ratesInPercent());
        assertEquals(List.of(11.6081), report.posteriorLows());
        assertEquals(List.of(12.0), report.posteriorMeans());
        assertEquals(List.of(12.3919), report.posteriorHighs());
    }

    @Test
    void aBreachedGuardrailIsShownOnItsVariantOnly() {
        ExperimentReport report = ExperimentReport.of(DETAIL, results(null, List.of(
                new ExperimentsApi.Guardrail("unsubscribe", "b", 0.03, 0.01, 0.0004, true),
                new ExperimentsApi.Guardrail("unsubscribe", "c", 0.012, 0.01, 0.6, false))));
        assertTrue(report.anyGuardrailBreached());
        assertEquals(List.of(List.of(), List.of("unsubscribe"), List.of()),
                report.rows().stream().map(ExperimentReport.Row::breached).toList());
    }

    @Test
    void theDeclaredWinnerIsMarked() {
        ExperimentReport report = ExperimentReport.of(DETAIL, results("b", List.of()));
        assertEquals("b", report.winner());
        assertEquals(List.of(false, true, false), report.rows().stream().map(ExperimentReport.Row::winner).toList());
    }

    @Test
    void aVariantTheReadoutHasButThePlanNoLongerListsIsShownByItsKey() {
        ExperimentsApi.Detail withoutC = new ExperimentsApi.Detail(EXPERIMENT, DETAIL.variants().subList(0, 2));
        ExperimentReport.Row c = ExperimentReport.of(withoutC, results(null, List.of())).rows().get(2);
        assertEquals("c", c.name());
        assertNull(c.share());
    }
}
