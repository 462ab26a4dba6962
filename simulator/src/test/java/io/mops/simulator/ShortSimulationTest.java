package io.mops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.simulator.loop.ClosedLoop;
import io.mops.simulator.market.MarketFiles;
import io.mops.simulator.market.MarketSpec;
import io.mops.simulator.report.ReportWriter;
import io.mops.simulator.report.SimulationReport;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole platform driven by the simulated world for ten days, end to end through the real services: the packaged
 * services on a clock the simulation moves, Kafka ingest, the gateway with real tokens. What the world sent must be
 * exactly what the platform took in, and the loop must have read and acted on its own plan every day.
 */
class ShortSimulationTest {

    @Test
    void tenDaysOfTheMarketFlowThroughThePlatformAndAreJudged() throws Exception {
        MarketSpec spec;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("short-market.yaml")) {
            spec = MarketFiles.parse(in, true, "short-market.yaml");
        }
        Path dir = Path.of("target/simulation/short-market-7");
        SimulationRun.Outcome outcome = SimulationRun.runAndKeep(spec, 7, dir);
        ClosedLoop.Record record = outcome.record();

        ClosedLoop.Sent sent = record.sent();
        ClosedLoop.Taken taken = record.taken();
        for (String channel : spec.channelNames()) {
            assertEquals(sent.spendByChannel().get(channel), taken.spendByChannel().get(channel), 0.005,
                    "budget-service recorded every cent " + channel + " spent");
        }
        assertEquals(sent.conversions(), taken.conversionsInAttribution(),
                "attribution-service stored every conversion the shop reported");
        assertEquals(sent.exposuresByExperiment(), taken.exposuresByExperiment(),
                "testing-service counted every visitor the website exposed");
        assertTrue(sent.touchpoints() > 1_000, "the spend bought touchpoints: " + sent.touchpoints());

        // The ad platforms pace a lifetime budget: each day, what is left of the plan's total over the days left.
        double total = spec.dailyBudget() * spec.days();
        double spentBefore = 0;
        for (int t = 0; t < spec.days(); t++) {
            double budget = 0;
            for (int c = 0; c < record.budgeted()[t].length; c++) {
                budget += record.budgeted()[t][c];
            }
            assertEquals((total - spentBefore) / (spec.days() - t), budget, 0.05,
                    "day " + t + " budgets what is left of the plan over the days left");
            for (double channel : record.spent()[t]) {
                spentBefore += channel;
            }
        }
        assertEquals(total, spentBefore, spec.spendJitter() * spec.dailyBudget() + 0.05,
                "the whole plan is spent, but for the last day's delivery noise");

        SimulationReport report = outcome.report();
        Path html = ReportWriter.write(report, dir);
        assertTrue(Files.readString(html).contains("<img alt=\"Cumulative true value per strategy\""));
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(4, summary.path("strategies").size());
        assertEquals(1.0, report.strategy(Judgement.ORACLE).shareOfOracle(), 1e-12);

        // The declared winners' track record is in the report, and every realised one is held to the market's truth.
        var winners = report.calibration().stream().filter(c -> c.source().equals("declared winners")).findFirst()
                .orElseThrow();
        assertEquals(winners.decisions(), winners.truth().decisions(),
                "the market knows the true rate of every winner the platform declared and rolled out");
    }
}
