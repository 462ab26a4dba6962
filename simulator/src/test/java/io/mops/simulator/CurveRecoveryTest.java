package io.mops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.mops.simulator.market.ChannelSpec;
import io.mops.simulator.market.CustomerJourneys;
import io.mops.simulator.market.ResponseSpec;
import io.mops.simulator.market.WeeklyHistory;
import io.mops.simulator.platform.IngestStream;
import io.mops.simulator.platform.PlatformApi;
import io.mops.simulator.platform.Quiescence;
import io.mops.simulator.platform.SimulatedPlatform;
import io.mops.simulator.strategy.TrueOptimum;
import io.mops.testsupport.LocalStack;
import io.mops.testsupport.PackagedPlatform;
import io.mops.testsupport.TopicNamespace;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11 part 2, end to end through the real Kafka path: 26 weeks of a market whose weekly adstock and Hill curves
 * are known (a concave channel, a mildly S-shaped one and a strongly S-shaped one) go in as the integrations send
 * them — spend on {@code mops.ingest.spend}, touchpoints and conversions on {@code mops.ingest.touchpoints} and
 * {@code mops.ingest.conversions} — into the packaged services; attribution-service credits each ISO week
 * ({@code markov-1}) and publishes {@code ChannelPerformanceUpdated} v2 over Kafka; budget-service fits its curves on
 * them. Judged against the market's truth, never against what the services computed:
 *
 * <ul>
 *   <li>the credit budget-service received for each channel and week is exactly the conversions the channel caused
 *       (the market is built so that it must be: {@link WeeklyHistory});</li>
 *   <li>each fitted curve's steady-state weekly value at 50 %, 100 % and 150 % of the channel's base spend is within
 *       {@value #RESPONSE_TOLERANCE} of the true curve's, its marginal return at base spend within
 *       {@value #MARGINAL_TOLERANCE}, and its decay within {@value #DECAY_TOLERANCE} (see docs/simulator.md for why
 *       these tolerances, docs/budget.md for the figures);</li>
 *   <li>the proposal for a four-week plan, evaluated under the TRUE curves, reaches at least 99 % of the true
 *       optimum's value, found by a dynamic programme over a money grid on the true curves ({@link TrueOptimum},
 *       itself checked against brute force).</li>
 * </ul>
 */
class CurveRecoveryTest {

    static final double RESPONSE_TOLERANCE = 0.06;
    static final double MARGINAL_TOLERANCE = 0.25;
    static final double DECAY_TOLERANCE = 0.10;

    private static final long SEED = 11;
    private static final int WEEKS = 26;
    private static final LocalDate FIRST_MONDAY = LocalDate.parse("2026-01-05");
    private static final LocalDate PLAN_START = FIRST_MONDAY.plusWeeks(WEEKS);
    private static final int PLAN_WEEKS = 4;
    private static final Supplier<String> COE = SimulatedPlatform.coe();

    /** Weekly truth: decay per week, maxResponse conversions per week, halfSaturation adstocked spend per week. */
    static final List<ChannelSpec> CHANNELS = List.of(
            channel("search", 0.3, 3_000, 30_000, 1.0, 40),
            channel("social", 0.5, 2_000, 24_000, 1.6, 50),
            channel("display", 0.15, 1_500, 10_000, 2.5, 30));
    static final double[] BASE_WEEKLY_SPEND = {25_000, 12_000, 8_000};
    /** The forward plan's split per week: far from the optimum, inside the spend the history covered. */
    static final double[] PLAN_WEEKLY = {24_000, 9_000, 12_000};

    private static ChannelSpec channel(String name, double decay, double max, double half, double shape, double value) {
        return new ChannelSpec(name, new ResponseSpec(ResponseSpec.ADSTOCK_HILL, decay, max, half, shape, null, null,
                null, null), 5.0, new ChannelSpec.ValueSpec(value, 0), null, null, null);
    }

    @Test
    void budgetServiceRecoversTheMarketsCurvesAndItsProposalReachesTheTrueOptimum() {
        WeeklyHistory history = new WeeklyHistory(CHANNELS, BASE_WEEKLY_SPEND, FIRST_MONDAY, WEEKS, SEED);
        Path root = PackagedPlatform.repositoryRoot();
        LocalStack stack = LocalStack.ensureRunning();
        String prefix = "sim.curves-" + Long.toString(System.currentTimeMillis(), 36) + ".";
        List<String> topics = TopicNamespace.create(root, stack.kafkaBootstrap(), prefix);
        Instant now = PLAN_START.atStartOfDay().toInstant(ZoneOffset.UTC);
        // Weekly evidence on both sides (the sim profile's default is days), on the simulated clock standing at the
        // Monday after the history.
        PackagedPlatform.Settings settings = new PackagedPlatform.Settings("test,sim", "sim", prefix,
                Path.of("target/curve-recovery/services").toAbsolutePath(), Map.of(
                        "mops.clock.simulation-start", now.toString(),
                        "%sim.mops.attribution.performance.period", "week",
                        "%sim.mops.budget.curves.period", "week",
                        "%sim.mops.budget.curves.attribution-model", "markov-1"),
                Map.of());
        Instant began = Instant.now();
        try (PackagedPlatform running = PackagedPlatform.start(settings)) {
            Map<String, String> services = new LinkedHashMap<>();
            for (String service : PackagedPlatform.SERVICES) {
                services.put(service, running.url(service));
            }
            SimulatedPlatform platform = new SimulatedPlatform(running.gateway(), services, stack.kafkaBootstrap(),
                    prefix);
            PlatformApi api = platform.api();
            log(began, "platform up");
            try (Quiescence quiet = platform.quiescence(); IngestStream ingest = platform.ingest(SEED)) {
                String[] campaigns = historyPlan(api, history);
                send(ingest, history, campaigns);
                quiet.await(Duration.ofMillis(1_500), Duration.ofMinutes(5));
                log(began, "26 weeks taken in");
                JsonNode published = api.post(COE, "/attribution/channel-performance/recompute?asOf="
                        + PLAN_START.minusDays(1) + "&from=" + FIRST_MONDAY, Map.of());
                assertEquals(WEEKS * history.channels(), published.size(),
                        "one publication per channel and week of the history (markov-1)");
                quiet.await(Duration.ofMillis(1_500), Duration.ofMinutes(5));
                log(began, "channel performance published and received");
            }
            assertCreditIsWhatEachChannelCaused(api, history);
            JsonNode proposal = optimise(api, history);
            log(began, "proposal made");
            assertCurvesRecoverTheTruth(proposal, history);
            assertProposalReachesTheTrueOptimum(proposal, history);
        } finally {
            TopicNamespace.delete(stack.kafkaBootstrap(), topics);
        }
    }

    /** Last half-year's plan: one always-on campaign per channel that holds all of the channel's spend. */
    private static String[] historyPlan(PlatformApi api, WeeklyHistory history) {
        Map<String, String> allocations = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int c = 0; c < history.channels(); c++) {
            BigDecimal spent = money(history.totalSpend(c));
            allocations.put(history.channel(c), spent.toPlainString());
            total = total.add(spent);
        }
        String planId = api.post(COE, "/budget/plans", Map.of("name", "Curve recovery history " + SEED,
                "currency", "EUR", "total", total.toPlainString(), "periodStart", FIRST_MONDAY.toString(),
                "periodEnd", PLAN_START.minusDays(1).toString(), "allocations", allocations)).path("id").asText();
        String[] campaigns = new String[history.channels()];
        for (int c = 0; c < campaigns.length; c++) {
            campaigns[c] = api.post(COE, "/budget/plans/" + planId + "/campaigns", Map.of("channel", history.channel(c),
                    "name", "Always on " + history.channel(c), "amount", allocations.get(history.channel(c))))
                    .path("id").asText();
        }
        return campaigns;
    }

    /** What the ad platforms, the website and the shop report, week by week. */
    private static void send(IngestStream ingest, WeeklyHistory history, String[] campaigns) {
        for (int w = 0; w < history.weeks(); w++) {
            for (int d = 0; d < 7; d++) {
                LocalDate day = history.monday(w).plusDays(d);
                for (int c = 0; c < history.channels(); c++) {
                    Map<String, Object> spend = new LinkedHashMap<>();
                    spend.put("campaignId", campaigns[c]);
                    spend.put("day", day.toString());
                    spend.put("amount", money(history.dailySpend(w * 7 + d, c)));
                    spend.put("currency", "EUR");
                    spend.put("channel", history.channel(c));
                    ingest.send("mops.ingest.spend", "CampaignSpendReported",
                            day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(2),
                            "campaign:" + campaigns[c], spend);
                }
            }
            for (CustomerJourneys.Touch touch : history.touches(w)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("userId", touch.userId());
                data.put("occurredAt", touch.at().toString());
                data.put("channel", touch.channel());
                data.put("campaign", "history-" + touch.channel());
                data.put("interaction", "click");
                data.put("cost", money(touch.cost()));
                data.put("currency", "EUR");
                ingest.send("mops.ingest.touchpoints", "TouchpointObserved", touch.at(), "customer:" + touch.userId(),
                        data);
            }
            for (CustomerJourneys.Purchase purchase : history.purchases(w)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("userId", purchase.userId());
                data.put("occurredAt", purchase.at().toString());
                data.put("value", money(purchase.value()));
                data.put("currency", "EUR");
                ingest.send("mops.ingest.conversions", "ConversionObserved", purchase.at(),
                        "customer:" + purchase.userId(), data);
            }
        }
        ingest.flush();
    }

    /** The market is built so that credit is causation: the signal of every week must equal the conversions drawn. */
    private static void assertCreditIsWhatEachChannelCaused(PlatformApi api, WeeklyHistory history) {
        for (int c = 0; c < history.channels(); c++) {
            JsonNode signals = api.get(COE, "/budget/channel-signals?channel=" + history.channel(c)
                    + "&model=markov-1&limit=100");
            Map<LocalDate, JsonNode> byWeek = new LinkedHashMap<>();
            signals.forEach(s -> byWeek.put(LocalDate.parse(s.path("periodStart").asText()), s));
            assertEquals(WEEKS, byWeek.size(), history.channel(c) + ": one signal per week");
            for (int w = 0; w < WEEKS; w++) {
                JsonNode signal = byWeek.get(history.monday(w));
                String what = history.channel(c) + " week of " + history.monday(w);
                assertEquals("WEEK", signal.path("periodKind").asText(), what);
                assertTrue(signal.path("usedForCurves").asBoolean(), what + " is used for the curves");
                assertEquals(history.causedConversions(w, c), signal.path("creditedConversions").asDouble(), 1e-6,
                        what + ": credited conversions");
                assertEquals(history.causedConversions(w, c) * history.valuePerConversion(c),
                        signal.path("creditedValue").asDouble(), 0.01, what + ": credited value");
                assertEquals(history.weeklySpend(w, c), signal.path("spend").asDouble(), 0.005, what + ": spend");
            }
        }
    }

    /** A four-week plan starting the Monday after the history, split far from the optimum; no guardrails. */
    private static JsonNode optimise(PlatformApi api, WeeklyHistory history) {
        Map<String, String> allocations = new LinkedHashMap<>();
        double total = 0;
        for (int c = 0; c < history.channels(); c++) {
            allocations.put(history.channel(c), money(PLAN_WEEKLY[c] * PLAN_WEEKS).toPlainString());
            total += PLAN_WEEKLY[c] * PLAN_WEEKS;
        }
        String planId = api.post(COE, "/budget/plans", Map.of("name", "Curve recovery plan " + SEED,
                "currency", "EUR", "total", money(total).toPlainString(), "periodStart", PLAN_START.toString(),
                "periodEnd", PLAN_START.plusWeeks(PLAN_WEEKS).minusDays(1).toString(), "allocations", allocations))
                .path("id").asText();
        JsonNode proposal = api.post(COE, "/budget/plans/" + planId + "/optimise", Map.of());
        System.out.println("curve recovery: proposal " + proposal.toPrettyString());
        return proposal;
    }

    private static JsonNode move(JsonNode proposal, String channel) {
        for (JsonNode move : proposal.path("channels")) {
            if (channel.equals(move.path("channel").asText())) {
                return move;
            }
        }
        throw new AssertionError(channel + " is not among the proposal's moves (held: " + proposal.path("held") + ")");
    }

    private static void assertCurvesRecoverTheTruth(JsonNode proposal, WeeklyHistory history) {
        assertEquals(0, proposal.path("held").size(), "no channel held: " + proposal.path("held"));
        for (int c = 0; c < history.channels(); c++) {
            JsonNode curve = move(proposal, history.channel(c)).path("curve");
            double lambda = curve.path("adstockDecay").asDouble();
            double beta = curve.path("maxResponse").asDouble();
            double k = curve.path("halfSaturation").asDouble();
            double s = curve.path("shape").asDouble();
            assertEquals(WEEKS, curve.path("observations").asInt(), history.channel(c) + ": fitted on the 26 weeks");
            DoubleUnaryOperator fitted = x -> beta / (1 + Math.pow(k * (1 - lambda) / x, s));
            int channel = c;
            DoubleUnaryOperator truth = x -> history.trueSteadyWeeklyValue(channel, x);
            ResponseSpec r = CHANNELS.get(c).response();
            System.out.printf(Locale.ROOT, "curve recovery: %s fitted λ %.3f β %.0f K %.0f S %.3f; true λ %.3f β %.0f"
                            + " K %.0f S %.3f%n", history.channel(c), lambda, beta, k, s, r.decay(),
                    r.maxResponse() * history.valuePerConversion(c), r.halfSaturation(), r.shape());
            for (double share : new double[] {0.5, 1.0, 1.5}) {
                double x = share * BASE_WEEKLY_SPEND[c];
                double error = fitted.applyAsDouble(x) / truth.applyAsDouble(x) - 1;
                System.out.printf(Locale.ROOT, "curve recovery: %s value per week at %.0f %% of base: error %+.2f %%%n",
                        history.channel(c), share * 100, error * 100);
                assertTrue(Math.abs(error) <= RESPONSE_TOLERANCE, history.channel(c) + ": weekly value at "
                        + share * 100 + " % of base spend off by " + error * 100 + " %");
            }
            double x = BASE_WEEKLY_SPEND[c];
            double h = x * 1e-4;
            double fittedMarginal = (fitted.applyAsDouble(x + h) - fitted.applyAsDouble(x - h)) / (2 * h);
            double trueMarginal = (truth.applyAsDouble(x + h) - truth.applyAsDouble(x - h)) / (2 * h);
            double marginalError = fittedMarginal / trueMarginal - 1;
            System.out.printf(Locale.ROOT, "curve recovery: %s marginal return at base: fitted %.4f, true %.4f (%+.2f %%)%n",
                    history.channel(c), fittedMarginal, trueMarginal, marginalError * 100);
            assertTrue(Math.abs(marginalError) <= MARGINAL_TOLERANCE, history.channel(c)
                    + ": marginal return at base spend off by " + marginalError * 100 + " %");
            assertEquals(r.decay(), lambda, DECAY_TOLERANCE, history.channel(c) + ": adstock decay");
        }
    }

    private static void assertProposalReachesTheTrueOptimum(JsonNode proposal, WeeklyHistory history) {
        int k = history.channels();
        DoubleUnaryOperator[] truth = new DoubleUnaryOperator[k];
        double[] proposed = new double[k];
        double[] current = new double[k];
        double weeklyTotal = 0;
        for (int c = 0; c < k; c++) {
            int channel = c;
            truth[c] = x -> history.trueSteadyWeeklyValue(channel, x);
            JsonNode move = move(proposal, history.channel(c));
            proposed[c] = move.path("spendAfter").asDouble() / PLAN_WEEKS;
            current[c] = move.path("spendBefore").asDouble() / PLAN_WEEKS;
            weeklyTotal += PLAN_WEEKLY[c];
        }
        double[] optimum = TrueOptimum.split(weeklyTotal, truth);
        double best = TrueOptimum.outcome(optimum, truth);
        double reached = TrueOptimum.outcome(proposed, truth);
        double before = TrueOptimum.outcome(current, truth);
        System.out.printf(Locale.ROOT, "curve recovery: true value per week: current split %.0f, proposal %.0f "
                        + "(%.3f %% of the optimum), optimum %.0f at %s, proposal at %s%n", before, reached,
                100 * reached / best, best, java.util.Arrays.toString(optimum), java.util.Arrays.toString(proposed));
        assertTrue(before < 0.97 * best, "the plan starts far enough from the optimum for the test to mean something");
        assertTrue(reached >= 0.99 * best, "the proposal's true outcome " + reached + " is within 1 % of the true "
                + "optimum's " + best);
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static void log(Instant began, String what) {
        System.out.printf(Locale.ROOT, "curve recovery: %s (%s since the start)%n", what,
                Duration.between(began, Instant.now()).withNanos(0));
    }
}
