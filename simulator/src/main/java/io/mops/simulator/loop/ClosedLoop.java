package io.mops.simulator.loop;

import com.fasterxml.jackson.databind.JsonNode;
import io.mops.simulator.experiment.ExperimentLedger;
import io.mops.simulator.market.CustomerJourneys;
import io.mops.simulator.market.ExperimentSpec;
import io.mops.simulator.market.Market;
import io.mops.simulator.market.MarketSpec;
import io.mops.simulator.platform.IngestStream;
import io.mops.simulator.platform.PlatformApi;
import io.mops.simulator.platform.Quiescence;
import io.mops.simulator.platform.SimulatedPlatform;
import io.mops.simulator.report.HumanDecision;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * MOPS's closed loop run against the market, day by day, through the platform's public interfaces only:
 *
 * <ol>
 *   <li>the clock moves to the day's midnight: attribution publishes the day that ended, budget-service reconsiders
 *       its plan, testing-service re-weights its experiments, expiries run;</li>
 *   <li>the approvers (alice, then nina where four eyes are needed) decide what waited long enough;</li>
 *   <li>the ad platforms read the plan's allocations and spend them (the channel teams first make their campaign
 *       budgets hold the day's spend), the website assigns its visitors through testing-service, customers touch
 *       and convert — spend, touchpoints, conversions, exposures and outcomes stream into the ingest topics with
 *       the day's times, while the clock stands at the day's last second;</li>
 *   <li>the simulation waits until the platform has taken everything in, and moves on.</li>
 * </ol>
 * What the platform decided (its allocations, the experiments' traffic, what it asked people) is recorded here, and
 * judged afterwards against the market's truth.
 */
public final class ClosedLoop {

    private static final Duration SETTLED = Duration.ofMillis(1_500);
    private static final String SOURCE_CAMPAIGN = "sim";
    /** testing-service takes at most 1,000 exposures or outcomes per request. */
    private static final int REPORT_BATCH = 1_000;

    private final MarketSpec spec;
    private final Market market;
    private final long seed;
    private final SimulatedPlatform platform;
    private final PlatformApi api;
    private final Supplier<String> coe = SimulatedPlatform.coe();
    private final Approvers approvers;
    private final Map<String, Long> exposuresReported = new LinkedHashMap<>();

    public ClosedLoop(MarketSpec spec, long seed, SimulatedPlatform platform) {
        this.spec = spec;
        this.market = new Market(spec, seed);
        this.seed = seed;
        this.platform = platform;
        this.api = platform.api();
        this.approvers = new Approvers(spec.approvers(), api);
    }

    /** What the loop did, day by day, for the report. */
    public record Record(double[][] budgeted, double[][] spent, double[][] causedConversions,
                         List<ExperimentLedger> experiments,
                         List<HumanDecision> decisions, String planId, Map<String, String> declaredWinners,
                         Sent sent, Taken taken) {
    }

    /** What the simulated world sent the platform over the whole run. */
    public record Sent(Map<String, Double> spendByChannel, long touchpoints, long conversions,
                       Map<String, Long> exposuresByExperiment) {
    }

    /** What the platform says it took in, read back through its APIs at the end. */
    public record Taken(Map<String, Double> spendByChannel, long conversionsInAttribution,
                        Map<String, Long> exposuresByExperiment) {
    }

    public Record run() {
        int days = spec.days();
        int channels = market.channels();
        double[][] budgeted = new double[days][channels];
        double[][] spentPath = new double[days][channels];
        CustomerJourneys customers = new CustomerJourneys(market, seed);
        List<ExperimentLedger> ledgers = spec.experiments().stream().map(ExperimentLedger::new).toList();
        UniformRandomProvider visitors = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0xC0FFEEL);
        Instant began = Instant.now();
        Duration approverDelay = Duration.ofMinutes(Math.round(spec.approvers().delayHours() * 60));
        try (IngestStream ingest = platform.ingest(seed); Quiescence quiet = platform.quiescence()) {
            platform.moveClockTo(clockStart(spec));
            Setup setup = setUp();
            for (int t = 0; t < days; t++) {
                platform.moveClockTo(midnight(t));
                quiet.await(SETTLED, SimulatedPlatform.patience());
                // The approvers come in once the requests made at midnight have waited their delay, the same day:
                // deciding them only at the next midnight let that midnight's proposal supersede them first.
                Instant decisionTime = approverDelay.compareTo(Duration.ofHours(23)) < 0
                        ? midnight(t).plus(approverDelay) : midnight(t);
                if (!decisionTime.equals(midnight(t))) {
                    platform.moveClockTo(decisionTime);
                    quiet.await(SETTLED, SimulatedPlatform.patience());
                }
                approvers.decideDue(decisionTime, t);
                quiet.await(SETTLED, SimulatedPlatform.patience());

                double[] dailyBudget = dailyBudgets(setup, t);
                budgeted[t] = dailyBudget;
                double[] spent = new double[channels];
                for (int c = 0; c < channels; c++) {
                    spent[c] = market.delivered(t, c, dailyBudget[c]);
                }
                setup.campaigns().holdForDay(spent);
                spentPath[t] = spent;
                platform.moveClockTo(midnight(t + 1).minusSeconds(1));

                double[] expected = market.evaluateSpent(Arrays.copyOf(spentPath, t + 1)).conversions()[t];
                CustomerJourneys.Day day = customers.day(t, spent, expected);
                report(ingest, t, spent, day, setup);
                for (int e = 0; e < ledgers.size(); e++) {
                    ledgers.get(e).day(runExperimentDay(ledgers.get(e).spec(), t, visitors));
                }
                ingest.flush();
                quiet.await(SETTLED, SimulatedPlatform.patience());
                System.out.printf(java.util.Locale.ROOT, "  day %d of %d taken in (%s since the start)%n", t + 1, days,
                        Duration.between(began, Instant.now()).withNanos(0));
            }
            platform.moveClockTo(midnight(days));
            quiet.await(SETTLED, SimulatedPlatform.patience());
            Map<String, String> winners = new LinkedHashMap<>();
            Map<String, Long> exposuresTaken = new LinkedHashMap<>();
            for (ExperimentSpec experiment : spec.experiments()) {
                JsonNode results = api.get(coe, "/experiments/" + experiment.key() + "/results");
                winners.put(experiment.key(), results.path("winner").asText(null));
                long exposed = 0;
                for (JsonNode variant : results.path("readout").path("variants")) {
                    exposed += variant.path("exposures").asLong();
                }
                // After a winner is declared the website keeps exposing visitors to it; testing-service counts them
                // apart from the experiment's readout, as the winner's rollout.
                exposed += results.path("rollout").path("units").asLong(0);
                exposuresTaken.put(experiment.key(), exposed);
            }
            Map<String, Double> spendSent = new LinkedHashMap<>();
            Map<String, Double> spendTaken = new LinkedHashMap<>();
            for (int c = 0; c < channels; c++) {
                double sum = 0;
                for (double[] day : spentPath) {
                    sum += Double.parseDouble(money(day[c]));
                }
                spendSent.put(market.channel(c), sum);
                spendTaken.put(market.channel(c), api.get(coe, "/budget/campaigns/" + setup.campaigns().campaignOf(c))
                        .path("spent").asDouble());
            }
            JsonNode window = api.get(coe, "/attribution/journeys/credit?currency=" + spec.currency() + "&from="
                    + spec.start() + "&to=" + spec.start().plusDays(days - 1L) + "&model=last-touch");
            long conversionsTaken = window.path("credit").path("totalConversions").asLong()
                    + window.path("unattributedConversions").asLong();
            Map<String, Long> exposuresSent = new LinkedHashMap<>();
            ledgers.forEach(l -> exposuresSent.put(l.spec().key(), exposuresReported.getOrDefault(l.spec().key(), 0L)));
            Sent sent = new Sent(spendSent, customers.touchpointsReported(), customers.conversionsReported(),
                    exposuresSent);
            Taken taken = new Taken(spendTaken, conversionsTaken, exposuresTaken);
            return new Record(budgeted, spentPath, customers.causedConversions(), ledgers, approvers.decisions(),
                    setup.planId(), winners, sent, taken);
        }
    }

    private record Setup(String planId, CampaignBudgets campaigns) {
    }

    /** The CoE's side: the approval policy, the plan over the whole horizon, a campaign per channel, experiments. */
    private Setup setUp() {
        double total = spec.dailyBudget() * spec.days();
        // Moves above a twentieth of the total wait for people; smaller ones the loop makes on its own.
        api.put(coe, "/budget/approval-policy", Map.of(
                "maxAmountMoved", Map.of(spec.currency(), money(total / 40)),
                "maxPercentOfTotal", 5,
                "channels", Map.of()));
        Map<String, String> allocations = new LinkedHashMap<>();
        for (int c = 0; c < market.channels(); c++) {
            allocations.put(market.channel(c), money(total * spec.startingSplit().get(market.channel(c))));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", "Simulation " + spec.name() + " seed " + seed);
        plan.put("currency", spec.currency());
        plan.put("total", money(total));
        plan.put("periodStart", spec.start().toString());
        plan.put("periodEnd", spec.start().plusDays(spec.days() - 1L).toString());
        plan.put("allocations", allocations);
        String planId = api.post(coe, "/budget/plans", plan).path("id").asText();
        CampaignBudgets campaigns = new CampaignBudgets(api, coe, planId, market);
        for (ExperimentSpec experiment : spec.experiments()) {
            startExperiment(experiment);
        }
        return new Setup(planId, campaigns);
    }

    private void startExperiment(ExperimentSpec experiment) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("key", experiment.key());
        draft.put("name", "Simulated " + experiment.key());
        draft.put("channel", experiment.channel());
        draft.put("reweighEvery", "PT24H");
        draft.put("baseline", experiment.variants().get(0).conversionRate());
        api.post(coe, "/experiments", draft);
        List<Map<String, Object>> variants = new ArrayList<>();
        for (ExperimentSpec.VariantSpec variant : experiment.variants()) {
            variants.add(Map.of("key", variant.name(), "name", variant.name()));
        }
        api.put(coe, "/experiments/" + experiment.key() + "/variants",
                Map.of("control", experiment.variants().get(0).name(), "variants", variants));
        api.post(coe, "/experiments/" + experiment.key() + "/status",
                Map.of("status", "RUNNING", "reason", "simulated market opens"));
    }

    /**
     * Each channel's budget for day {@code t}: what is left of its allocation spread evenly over the plan's days left,
     * as an ad platform paces a lifetime budget. A reallocation mid-plan thus changes the daily budget by the money
     * moved over the days left, and every channel spends its whole allocation by the plan's end.
     */
    private double[] dailyBudgets(Setup setup, int t) {
        JsonNode plan = api.get(coe, "/budget/plans/" + setup.planId());
        double[] daily = new double[market.channels()];
        for (JsonNode channel : plan.path("channels")) {
            for (int c = 0; c < market.channels(); c++) {
                if (market.channel(c).equals(channel.path("channel").asText())) {
                    daily[c] = CampaignBudgets.paced(channel.path("allocation").asDouble(),
                            setup.campaigns().spentSoFar(c), spec.days() - t);
                }
            }
        }
        return daily;
    }

    /** What the ad platforms, the website and the shop report for day {@code t}. */
    private void report(IngestStream ingest, int t, double[] spent, CustomerJourneys.Day day, Setup setup) {
        LocalDate date = market.date(t);
        for (int c = 0; c < spent.length; c++) {
            Map<String, Object> spend = new LinkedHashMap<>();
            spend.put("campaignId", setup.campaigns().campaignOf(c));
            spend.put("day", date.toString());
            spend.put("amount", money(spent[c]));
            spend.put("currency", spec.currency());
            spend.put("channel", market.channel(c));
            ingest.send("mops.ingest.spend", "CampaignSpendReported", midnight(t + 1).minusSeconds(2),
                    "campaign:" + setup.campaigns().campaignOf(c), spend);
        }
        for (CustomerJourneys.Touch touch : day.touches()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("userId", touch.userId());
            data.put("occurredAt", touch.at().toString());
            data.put("channel", touch.channel());
            data.put("campaign", SOURCE_CAMPAIGN + "-" + touch.channel());
            data.put("interaction", "click");
            data.put("cost", money(touch.cost()));
            data.put("currency", spec.currency());
            ingest.send("mops.ingest.touchpoints", "TouchpointObserved", touch.at(), "customer:" + touch.userId(), data);
        }
        for (CustomerJourneys.Purchase purchase : day.purchases()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("userId", purchase.userId());
            data.put("occurredAt", purchase.at().toString());
            data.put("value", money(purchase.value()));
            data.put("currency", spec.currency());
            ingest.send("mops.ingest.conversions", "ConversionObserved", purchase.at(), "customer:" + purchase.userId(),
                    data);
        }
    }

    /**
     * One day of an experiment: the website asks testing-service (through the gateway, in one bulk call) which
     * variant each visitor sees, shows it, and each visitor converts with that variant's true rate.
     *
     * @return visitors per variant, in the spec's variant order
     */
    private int[] runExperimentDay(ExperimentSpec experiment, int t, UniformRandomProvider rng) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < experiment.visitorsPerDay(); i++) {
            units.add("sim-visitor-" + t + "-" + i);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int v = 0; v < experiment.variants().size(); v++) {
            index.put(experiment.variants().get(v).name(), v);
        }
        int[] counts = new int[experiment.variants().size()];
        String base = "/experiments/" + experiment.key();
        JsonNode assigned;
        try {
            assigned = api.post(coe, base + "/assignments/bulk", Map.of("unitIds", units));
        } catch (PlatformApi.PlatformRefusal refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            // Concluded without a winner (with one, testing-service assigns everyone the winner): the website shows
            // everyone the control.
            String shown = api.get(coe, base + "/results").path("winner").asText(experiment.variants().get(0).name());
            counts[index.getOrDefault(shown, 0)] = units.size();
            return counts;
        }
        List<Map<String, Object>> exposed = new ArrayList<>();
        List<Map<String, Object>> converted = new ArrayList<>();
        for (JsonNode assignment : assigned.path("assignments")) {
            String unit = assignment.path("unitId").asText();
            String variant = assignment.path("variant").asText();
            Integer v = index.get(variant);
            if (v == null) {
                throw new IllegalStateException("testing-service assigned unknown variant " + variant);
            }
            counts[v]++;
            exposed.add(Map.of("unitId", unit, "variant", variant));
            if (rng.nextDouble() < experiment.variants().get(v).conversionRate()) {
                converted.add(Map.of("unitId", unit));
            }
        }
        // The website reports in batches, exposures before the conversions they led to (an outcome of a unit
        // testing-service has not seen exposed is refused).
        exposuresReported.merge(experiment.key(), (long) exposed.size(), Long::sum);
        for (int from = 0; from < exposed.size(); from += REPORT_BATCH) {
            api.post(coe, base + "/exposures",
                    Map.of("exposures", exposed.subList(from, Math.min(exposed.size(), from + REPORT_BATCH))));
        }
        for (int from = 0; from < converted.size(); from += REPORT_BATCH) {
            api.post(coe, base + "/outcomes",
                    Map.of("outcomes", converted.subList(from, Math.min(converted.size(), from + REPORT_BATCH))));
        }
        return counts;
    }

    /** The services' clocks start the day before the market opens: the plan and experiments are set up then. */
    public static Instant clockStart(MarketSpec spec) {
        return spec.start().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private Instant midnight(int day) {
        return spec.start().plusDays(day).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    static String money(double amount) {
        return BigDecimal.valueOf(Math.max(0, amount)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
