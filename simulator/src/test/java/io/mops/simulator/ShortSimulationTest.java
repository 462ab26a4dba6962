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

        for (int t = 0; t < spec.days(); t++) {
            double budget = 0;
            for (double channel : record.budgeted()[t]) {
                budget += channel;
            }
            assertEquals(spec.dailyBudget(), budget, 0.05, "day " + t + " spends the plan's daily budget");
        }

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
