package io.mops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.mops.simulator.loop.ClosedLoop;
import io.mops.simulator.market.MarketSpec;
import io.mops.simulator.platform.PlatformApi;
import io.mops.simulator.platform.SimulatedPlatform;
import io.mops.simulator.report.Calibration;
import io.mops.simulator.report.SimulationReport;
import io.mops.testsupport.LocalStack;
import io.mops.testsupport.PackagedPlatform;
import io.mops.testsupport.TopicNamespace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulation of one market and seed: a fresh platform (the packaged services with the {@code sim} profile, their
 * own databases emptied at start and a topic namespace of the run's own), the closed loop, then the judgement.
 */
public final class SimulationRun {

    /** The attribution models whose credit the report sets beside the truth. */
    static final List<String> MODELS = List.of("markov-1", "linear", "last-touch");

    private SimulationRun() {
    }

    /** The loop's record, with what the platform said it took in, and its judgement. */
    public record Outcome(ClosedLoop.Record record, SimulationReport report) {
    }

    public static SimulationReport run(MarketSpec spec, long seed, Path output) {
        return runAndKeep(spec, seed, output).report();
    }

    public static Outcome runAndKeep(MarketSpec spec, long seed, Path output) {
        Path root = PackagedPlatform.repositoryRoot();
        LocalStack stack = LocalStack.ensureRunning();
        // A namespace of the run's own: nothing an earlier or interrupted run left on the topics is ever consumed.
        String prefix = "sim." + seed + "-" + Long.toString(System.currentTimeMillis(), 36) + ".";
        List<String> topics = TopicNamespace.create(root, stack.kafkaBootstrap(), prefix);
        PackagedPlatform.Settings settings = new PackagedPlatform.Settings("test,sim", "sim", prefix,
                output.resolve("services"), Map.of("mops.clock.simulation-start", ClosedLoop.clockStart(spec).toString()),
                Map.of());
        try (PackagedPlatform running = PackagedPlatform.start(settings)) {
            Map<String, String> services = new LinkedHashMap<>();
            for (String service : PackagedPlatform.SERVICES) {
                services.put(service, running.url(service));
            }
            SimulatedPlatform platform = new SimulatedPlatform(running.gateway(), services, stack.kafkaBootstrap(),
                    prefix);
            ClosedLoop.Record record = new ClosedLoop(spec, seed, platform).run();
            Map<String, Map<String, Double>> credit = attributionCredit(platform.api(), spec);
            List<Calibration> calibration = List.of(
                    trackRecord(platform.api(), "budget moves", "/budget/track-record"),
                    trackRecord(platform.api(), "QA forecasts", "/qa/track-record"),
                    declaredWinners(platform.api().get(SimulatedPlatform.coe(), "/experiments/track-record"), spec,
                            record.declaredWinners()));
            return new Outcome(record, Judgement.judge(spec, seed, record, credit, calibration));
        } finally {
            TopicNamespace.delete(stack.kafkaBootstrap(), topics);
        }
    }

    /** The platform's own track record of one kind of decision, as its CoE reads it at the end of the run. */
    private static Calibration trackRecord(PlatformApi api, String source, String path) {
        return calibration(source, api.get(SimulatedPlatform.coe(), path));
    }

    private static Calibration calibration(String source, JsonNode record) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode decision : record.path("decisions")) {
            if (decision.hasNonNull("realised")) {
                JsonNode forecast = decision.path("forecast");
                // The interval the service judged the realised value against: the forecast's widened by the
                // measurement's noise where the service measured it (budget moves), else the forecast's own.
                JsonNode judged = decision.hasNonNull("judgedAgainst") ? decision.path("judgedAgainst") : forecast;
                points.add(new double[] {forecast.path("value").asDouble(), decision.path("realised").asDouble(),
                        judged.path("low").asDouble(), judged.path("high").asDouble()});
            }
        }
        JsonNode calibration = record.path("calibration");
        return new Calibration(source, calibration.path("realised").asInt(), calibration.path("pending").asInt(),
                calibration.path("unmeasurable").asInt(),
                calibration.path("shareInsideInterval").asDouble(Double.NaN),
                calibration.path("meanError").asDouble(Double.NaN), points);
    }

    /**
     * The declared winners' record held to the market's truth as well: each forecast rate against the true rate of
     * the variant the platform declared (the market's, never seen by the platform).
     */
    private static Calibration declaredWinners(JsonNode trackRecord, MarketSpec spec, Map<String, String> winners) {
        // One read for both: the truths must line up with the points the calibration was read from.
        Calibration record = calibration("declared winners", trackRecord);
        List<Double> truths = new ArrayList<>();
        for (JsonNode decision : trackRecord.path("decisions")) {
            if (decision.hasNonNull("realised")) {
                truths.add(trueRate(spec, decision.path("id").asText(), winners));
            }
        }
        return new Calibration(record.source(), record.decisions(), record.pending(), record.unmeasurable(),
                record.insideShare(), record.meanError(),
                record.points(), Calibration.AgainstTruth.of(record.points(), truths));
    }

    static Double trueRate(MarketSpec spec, String experimentKey, Map<String, String> winners) {
        String winner = winners.get(experimentKey);
        return spec.experiments().stream().filter(e -> e.key().equals(experimentKey))
                .flatMap(e -> e.variants().stream()).filter(v -> v.name().equals(winner))
                .map(v -> v.conversionRate()).findFirst().orElse(null);
    }

    /** Conversions credited per model and channel over the judged days, as attribution-service reports them. */
    private static Map<String, Map<String, Double>> attributionCredit(PlatformApi api, MarketSpec spec) {
        StringBuilder query = new StringBuilder("/attribution/journeys/credit?currency=" + spec.currency()
                + "&from=" + spec.start().plusDays(spec.learningDays()) + "&to=" + spec.start().plusDays(spec.days() - 1L));
        MODELS.forEach(model -> query.append("&model=").append(model));
        JsonNode window = api.get(SimulatedPlatform.coe(), query.toString());
        Map<String, Map<String, Double>> byModel = new LinkedHashMap<>();
        for (String model : MODELS) {
            Map<String, Double> channels = new LinkedHashMap<>();
            for (JsonNode row : window.path("credit").path("channels")) {
                channels.put(row.path("channel").asText(), row.path("credit").path(model).path("conversions").asDouble());
            }
            byModel.put(model, channels);
        }
        return byModel;
    }

}
