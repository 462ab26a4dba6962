package io.mops.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.testsupport.Envelopes;
import io.mops.testsupport.LocalStack;
import io.mops.testsupport.PackagedPlatform;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's promise — no event lost, none applied twice — held to faults: the consuming services run as
 * {@code ./mops up} runs them (their packaged jars, each its own JVM) against the real PostgreSQL and Kafka, a
 * stream of events goes in, and mid-stream the service is killed with SIGKILL and restarted, the Kafka broker is
 * stopped and started, PostgreSQL is stopped and started; and the outbox relay is killed after Kafka acknowledged
 * events it had not yet marked published. Every scenario prints its numbers (sent, applied, lost, applied twice,
 * dead-lettered) and asserts none lost and none applied twice. Counts come from the services' databases, keyed by
 * event id; dead letters from the run's dead-letter topic. Sizes: {@code -Dreliability.events} (docs/reliability.md).
 */
class ReliabilityTest {

    static final int EVENTS = Integer.getInteger("reliability.events", 20_000);
    static final int REPEATS = Math.min(Integer.getInteger("reliability.repeats", 1_000), EVENTS / 2);
    /** Events a second written to Kafka, so that the stream lasts while the fault happens. */
    static final int RATE = Integer.getInteger("reliability.rate", 2_000);
    static final int OUTBOX_EVENTS = Integer.getInteger("reliability.outbox-events", 1_000);
    static final Duration DOWNTIME = Duration.ofSeconds(Long.getLong("reliability.downtime-seconds", 5));
    /** How long the services may take to apply everything after the stream ended and the fault healed. */
    static final Duration SETTLE = Duration.ofMinutes(Long.getLong("reliability.settle-minutes", 5));
    static final int PORT_BASE = Integer.getInteger("reliability.http-port-base", 19500);

    static final String ATTRIBUTION = "attribution-service";
    static final String BUDGET = "budget-service";
    /** The outbox relay of attribution ticks rarely and publishes a whole burst in one transaction (see outbox()). */
    static final String RELAY_INTERVAL = "15s";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    static final String PREFIX = "reliability." + RUN + ".";
    static final List<Tally> TALLIES = Collections.synchronizedList(new ArrayList<>());

    static LocalStack stack;
    static PackagedPlatform platform;
    static List<String> topics;
    static TopicWatch deadLetters;
    static TestDatabase attributionDb;
    static TestDatabase budgetDb;

    @BeforeAll
    static void startTheConsumers() {
        stack = LocalStack.ensureRunning();
        topics = TopicNamespace.create(PackagedPlatform.repositoryRoot(), stack.kafkaBootstrap(), PREFIX);
        deadLetters = new TopicWatch(stack.kafkaBootstrap(), PREFIX + "mops.dlq");
        Map<String, String> everywhere = Map.of(
                // A restarted service must find what it stored: the test profile would empty its database at start.
                "%test.quarkus.flyway.clean-at-start", "false");
        platform = PackagedPlatform.start(new PackagedPlatform.Settings("test", "reliability", PREFIX,
                        PackagedPlatform.repositoryRoot().resolve("reliability/target/services"), everywhere, Map.of())
                .only(ATTRIBUTION, BUDGET)
                .withServiceProperties(ATTRIBUTION, Map.of("quarkus.http.port", String.valueOf(PORT_BASE + 1),
                        "mops.outbox.poll-interval", RELAY_INTERVAL, "%test.mops.outbox.poll-interval", RELAY_INTERVAL,
                        "mops.outbox.batch-size", String.valueOf(10 * OUTBOX_EVENTS)))
                .withServiceProperties(BUDGET, Map.of("quarkus.http.port", String.valueOf(PORT_BASE + 2))));
        attributionDb = TestDatabase.named(platform.database(ATTRIBUTION));
        budgetDb = TestDatabase.named(platform.database(BUDGET));
        System.out.printf("%nreliability suite: run %s, %,d events a scenario (+%,d repeats) at %,d/s, "
                        + "outbox burst %,d, "
                        + "%s: attribution-service %s, budget-service %s%n", RUN, EVENTS, REPEATS, RATE, OUTBOX_EVENTS,
                Runtime.getRuntime().availableProcessors() + " cores", platform.url(ATTRIBUTION), platform.url(BUDGET));
    }

    @AfterAll
    static void stopAndPrintEveryTable() {
        System.out.println("\n===== reliability suite, run " + RUN + ": every scenario =====");
        TALLIES.forEach(tally -> System.out.print(tally.table()));
        if (platform != null) {
            platform.close();
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (topics != null) {
            TopicNamespace.delete(stack.kafkaBootstrap(), topics);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // attribution-service: touchpoints (mops.ingest.touchpoints)
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void touchpointsSurviveAttributionKilledMidStream() {
        touchpoints("touchpoints, attribution-service killed (SIGKILL) and restarted",
                "kill", Fault.kill(ATTRIBUTION));
    }

    @Test
    void touchpointsSurviveKafkaRestartedMidStream() {
        touchpoints("touchpoints, Kafka broker stopped and started", "kafka", Fault.kafka());
    }

    @Test
    void touchpointsSurvivePostgresRestartedMidStream() {
        touchpoints("touchpoints, PostgreSQL stopped and started", "postgres", Fault.postgres());
    }

    private void touchpoints(String scenario, String name, Fault fault) {
        String channel = "r" + RUN + "-" + name;
        Instant occurred = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        List<EventStream.Event> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            UUID id = UUID.randomUUID();
            String user = "u" + RUN + "-" + i;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("userId", user);
            data.put("occurredAt", occurred.plusMillis(i).toString());
            data.put("channel", channel);
            data.put("campaign", "reliability");
            data.put("interaction", "click");
            events.add(new EventStream.Event(id, "customer:" + user, Envelopes.envelope(id, "TouchpointObserved", 1,
                    "reliability-suite", occurred, "customer:" + user, data)));
        }
        String topic = PREFIX + "mops.ingest.touchpoints";
        Tally tally = stream(scenario, ATTRIBUTION, topic, events, fault, () -> new Stored(
                uuids(attributionDb.strings("select distinct event_id from touchpoint where channel = ?", channel)),
                attributionDb.count("select count(*) - count(distinct event_id) from touchpoint where channel = ?",
                        channel)), Map.of());
        assertNothingLostOrTwice(tally);
    }

    // ------------------------------------------------------------------------------------------------------------
    // budget-service: campaign spend (mops.ingest.spend)
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void spendSurvivesBudgetKilledMidStream() {
        spend("spend, budget-service killed (SIGKILL) and restarted", Fault.kill(BUDGET));
    }

    @Test
    void spendSurvivesKafkaRestartedMidStream() {
        spend("spend, Kafka broker stopped and started", Fault.kafka());
    }

    @Test
    void spendSurvivesPostgresRestartedMidStream() {
        spend("spend, PostgreSQL stopped and started", Fault.postgres());
    }

    /**
     * Event i (from 1) reports i cents, so the amount identifies the report in {@code spend_entry} (whose rows carry
     * no event id), and the campaigns together must have spent exactly 1 + 2 + … + N cents = N(N+1)/2, less the
     * amounts of reports left on the dead-letter topic (each counted in the table).
     */
    private void spend(String scenario, Fault fault) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String plan = createPlan(today);
        List<String> campaigns = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            campaigns.add(createCampaign(plan, c));
        }
        List<EventStream.Event> events = new ArrayList<>(EVENTS);
        for (int i = 1; i <= EVENTS; i++) {
            UUID id = UUID.randomUUID();
            String campaign = campaigns.get(i % campaigns.size());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaignId", campaign);
            data.put("day", today.toString());
            data.put("amount", BigDecimal.valueOf(i, 2));
            data.put("currency", "EUR");
            events.add(new EventStream.Event(id, "campaign:" + campaign, Envelopes.envelope(id,
                    "CampaignSpendReported", 1, "reliability-suite", Instant.now(), "campaign:" + campaign, data)));
        }
        UUID planId = UUID.fromString(plan);
        String ofPlan = "from spend_entry where campaign_id in (select id from campaign_budget where plan_id = ?)";
        Map<String, Supplier<String>> notes = new LinkedHashMap<>();
        BigDecimal expected = BigDecimal.valueOf((long) EVENTS * (EVENTS + 1) / 2, 2);
        notes.put("campaigns' spent (expected N(N+1)/2 cents = " + expected.toPlainString() + ")", () -> spent(planId)
                .toPlainString());
        Tally tally = stream(scenario, BUDGET, PREFIX + "mops.ingest.spend", events, fault, () -> new Stored(
                budgetDb.strings("select distinct (amount * 100)::bigint " + ofPlan, planId).stream()
                        .map(cents -> events.get(Integer.parseInt(cents) - 1).id()).collect(Collectors.toSet()),
                budgetDb.count("select count(*) - count(distinct amount) " + ofPlan, planId)), notes);
        assertNothingLostOrTwice(tally);
        BigDecimal left = BigDecimal.ZERO;
        for (int i = 1; i <= EVENTS; i++) {
            UUID id = events.get(i - 1).id();
            if (deadLetters.has(id) && budgetDb.count("select count(*) " + ofPlan + " and amount = ?", planId,
                    BigDecimal.valueOf(i, 2)) == 0) {
                left = left.add(BigDecimal.valueOf(i, 2));
            }
        }
        assertEquals(0, expected.subtract(left).compareTo(spent(planId)),
                "the campaigns spent 1 + 2 + … + N cents, less the reports dead-lettered: " + left);
    }

    private static BigDecimal spent(UUID plan) {
        return new BigDecimal(budgetDb.strings("select coalesce(sum(spent), 0) from campaign_budget where plan_id = ?",
                plan).getFirst());
    }

    private static String createPlan(LocalDate today) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("name", "Reliability " + RUN);
        draft.put("currency", "EUR");
        draft.put("total", "1000000000");
        draft.put("periodStart", today.minusDays(10).toString());
        draft.put("periodEnd", today.plusDays(20).toString());
        draft.put("allocations", Map.of("search", "1000000000"));
        return post(platform.url(BUDGET) + "/budget/plans", draft).get("id").asText();
    }

    private static String createCampaign(String plan, int index) {
        return post(platform.url(BUDGET) + "/budget/plans/" + plan + "/campaigns",
                Map.of("channel", "search", "name", "reliability " + index, "amount", "200000000")).get("id").asText();
    }

    // ------------------------------------------------------------------------------------------------------------
    // the outbox relay killed between Kafka's acknowledgement and marking the rows published
    // ------------------------------------------------------------------------------------------------------------

    /**
     * A burst of channel performances recorded in attribution-service (each a row and its outbox row, one
     * transaction), relayed by one tick in one transaction ({@code mops.outbox.batch-size} above the burst). As soon
     * as the first of them is on Kafka, attribution-service is killed: the rows Kafka already holds are not marked
     * published, so the restarted relay publishes them again. budget-service must apply each event once.
     */
    @Test
    void outboxRelayKilledAfterKafkaAcknowledgedIsAppliedOnceDownstream() throws Exception {
        String scenario = "outbox relay (attribution-service) killed after Kafka's ack, before marking published; "
                + "applied by budget-service";
        String channel = "r" + RUN + "-outbox";
        String key = "channel:" + channel;
        try (TopicWatch published = new TopicWatch(stack.kafkaBootstrap(),
                PREFIX + "mops.attribution.channel-performance")) {
            ExecutorService posters = Executors.newFixedThreadPool(4);
            List<Future<Integer>> answers = new ArrayList<>();
            LocalDate first = LocalDate.of(2020, 1, 1);
            for (int i = 0; i < OUTBOX_EVENTS; i++) {
                LocalDate day = first.plusDays(i);
                answers.add(posters.submit(() -> postStatus(platform.url(ATTRIBUTION)
                        + "/attribution/channel-performance", Map.of("channel", channel, "model", "last-touch",
                        "periodKind", "DAY", "periodStart", day.toString(), "creditedConversions", "1",
                        "creditedValue", "10", "spend", "5", "currency", "EUR"))));
            }
            posters.shutdown();
            long created = answers.stream().filter(f -> get(f) == 201).count();
            // A tick during the burst may have published part of it already; the next tick claims all the rest in
            // one transaction. Kill as soon as that transaction has put its first row on Kafka.
            Set<UUID> publishedBefore = uuids(attributionDb.strings(
                    "select id from outbox_event where message_key = ? and published_at is not null", key));
            Set<UUID> pending = uuids(attributionDb.strings(
                    "select id from outbox_event where message_key = ? and published_at is null", key));
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline) && pending.stream().noneMatch(published::has)) {
                EventStream.sleep(Duration.ofMillis(20));
            }
            platform.kill(ATTRIBUTION);
            EventStream.sleep(Duration.ofSeconds(3)); // what Kafka holds reaches the watch
            Set<UUID> written = uuids(attributionDb.strings("select id from outbox_event where message_key = ?", key));
            Set<UUID> unmarked = uuids(attributionDb.strings(
                    "select id from outbox_event where message_key = ? and published_at is null", key));
            long acknowledgedUnmarked = unmarked.stream().filter(published::has).count();
            long onKafkaAtKill = published.distinctOf(written);
            platform.restart(ATTRIBUTION);

            String inIds = "consumer = 'budget.channel-signal' and event_id = any(?::uuid[])";
            String array = written.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
            Stored stored = settle(written, () -> new Stored(
                    uuids(budgetDb.strings("select distinct event_id from processed_event where " + inIds, array)),
                    budgetDb.count("select count(*) - count(distinct event_id) from processed_event where " + inIds,
                            array)));
            Map<String, String> notes = new LinkedHashMap<>();
            notes.put("state changes answered 201", String.valueOf(created));
            notes.put("relayed before the burst ended (not in the killed transaction)",
                    String.valueOf(publishedBefore.size()));
            notes.put("events on Kafka at the kill", String.valueOf(onKafkaAtKill));
            notes.put("on Kafka but not marked published at the kill", String.valueOf(acknowledgedUnmarked));
            notes.put("published more than once (redelivered)", String.valueOf(published.extraCopiesOf(written)));
            notes.put("channel signals stored by budget-service", String.valueOf(budgetDb.count(
                    "select count(*) from channel_signal where channel = ?", channel)));
            Tally tally = tally(scenario, written, written.size(), stored, notes);
            report(tally);
            assertTrue(acknowledgedUnmarked > 0,
                    "the kill came after Kafka acknowledged rows not yet marked published: " + tally.table());
            assertEquals(written.size(), published.distinctOf(written), "every outbox row reached Kafka");
            assertEquals(written.size(), budgetDb.count("select count(*) from channel_signal where channel = ?",
                    channel), "one channel signal per recorded day");
            assertNothingLostOrTwice(tally);
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /**
     * Writes the events, with {@link #REPEATS} of them sent again among the second half, injects the fault when half
     * the stream is written, heals it after {@link #DOWNTIME}, and counts once the service has applied everything or
     * stopped making progress.
     *
     * <p>
     * A scenario starts on a ready service: one an earlier scenario left not ready (a consumer that gave up) is
     * restarted first, and the table says so, so that no scenario inherits another's damage.
     *
     * @param service the service that consumes the stream
     * @param stored  what the service stored of these events
     */
    private Tally stream(String scenario, String service, String topic, List<EventStream.Event> distinct,
                         Fault fault, Supplier<Stored> stored, Map<String, Supplier<String>> extraNotes) {
        List<EventStream.Event> events = withRepeats(distinct, new Random(distinct.size()));
        Set<UUID> ids = distinct.stream().map(EventStream.Event::id).collect(Collectors.toSet());
        Map<String, String> notes = new LinkedHashMap<>();
        if (!platform.ready(service)) {
            platform.kill(service);
            platform.restart(service);
            notes.put(service + " restarted before the scenario (not ready)", "yes");
        }
        Instant started = Instant.now();
        try (EventStream stream = new EventStream(stack.kafkaBootstrap(), topic, RATE)) {
            stream.start(events);
            stream.awaitWritten(events.size() / 2);
            notes.put("records written when the fault began", String.format("%,d", stream.written()));
            Instant faulted = Instant.now();
            fault.inject();
            EventStream.sleep(DOWNTIME);
            fault.heal();
            notes.put("fault: " + fault.name() + ", seconds until healed", String.valueOf(
                    Duration.between(faulted, Instant.now()).toSeconds()));
            stream.awaitEnd(Duration.ofMinutes(10));
            notes.put("records written (repeats included)", String.format("%,d", stream.written()));
            long sent = stream.acknowledged().stream().filter(ids::contains).count();
            Stored applied = settle(ids, stored);
            notes.put("seconds from first event to last applied", String.valueOf(
                    Duration.between(started, Instant.now()).toSeconds()));
            extraNotes.forEach((name, value) -> notes.put(name, value.get()));
            notes.put(service + " ready (/q/health/ready) after the scenario", platform.ready(service) ? "yes" : "NO");
            Tally tally = tally(scenario, ids, sent, applied, notes);
            report(tally);
            return tally;
        }
    }

    /** The distinct events, then the second half with {@link #REPEATS} events of the first half mixed in again. */
    static List<EventStream.Event> withRepeats(List<EventStream.Event> distinct, Random random) {
        int half = distinct.size() / 2;
        List<EventStream.Event> second = new ArrayList<>(distinct.subList(half, distinct.size()));
        for (int r = 0; r < REPEATS; r++) {
            second.add(random.nextInt(second.size() + 1), distinct.get(random.nextInt(half)));
        }
        List<EventStream.Event> all = new ArrayList<>(distinct.subList(0, half));
        all.addAll(second);
        return all;
    }

    /** What a service stored of a scenario's events: the events applied, and stored effects beyond one per event. */
    record Stored(Set<UUID> applied, long twice) {
    }

    /**
     * Waits until every event is applied or dead-lettered, or nothing changed for a minute, or {@link #SETTLE}
     * passed; reads that fail (the database restarting) are tried again.
     */
    private static Stored settle(Set<UUID> sent, Supplier<Stored> stored) {
        Instant deadline = Instant.now().plus(SETTLE);
        Stored last = new Stored(Set.of(), 0);
        Instant lastChange = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            try {
                Stored now = stored.get();
                if (now.applied().size() != last.applied().size() || now.twice() != last.twice()) {
                    last = now;
                    lastChange = Instant.now();
                }
                if (now.applied().size() + deadLetteredOnly(sent, now) >= sent.size()) {
                    EventStream.sleep(Duration.ofSeconds(2)); // a late duplicate would show now
                    return stored.get();
                }
            } catch (IllegalStateException databaseAway) {
                lastChange = Instant.now();
            }
            if (Duration.between(lastChange, Instant.now()).compareTo(Duration.ofMinutes(1)) > 0) {
                break;
            }
            EventStream.sleep(Duration.ofSeconds(1));
        }
        return last;
    }

    /** Events on the dead-letter topic that were not applied from another copy either. */
    private static long deadLetteredOnly(Set<UUID> sent, Stored stored) {
        return sent.stream().filter(deadLetters::has).filter(id -> !stored.applied().contains(id)).count();
    }

    private static Tally tally(String scenario, Set<UUID> ids, long sent, Stored stored, Map<String, String> notes) {
        long applied = ids.stream().filter(stored.applied()::contains).count();
        long deadLettered = deadLetters.distinctOf(ids);
        long deadLetteredOnly = deadLetteredOnly(ids, stored);
        notes.put("dead-lettered, yet applied from another copy", String.valueOf(deadLettered - deadLetteredOnly));
        return new Tally(scenario, sent, applied, stored.twice(), deadLetteredOnly, notes);
    }

    private static void report(Tally tally) {
        TALLIES.add(tally);
        System.out.print(tally.table());
    }

    private static void assertNothingLostOrTwice(Tally tally) {
        assertAll(tally.scenario(),
                () -> assertEquals(0, tally.lost(), "lost" + tally.table()),
                () -> assertEquals(0, tally.appliedTwice(), "applied twice" + tally.table()));
    }

    private static Set<UUID> uuids(List<String> ids) {
        return ids.stream().map(UUID::fromString).collect(Collectors.toSet());
    }

    private static int get(Future<Integer> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int postStatus(String url, Object body) {
        try {
            return HTTP.send(request(url, body), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // the service was killed under the request
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JsonNode post(String url, Object body) {
        try {
            HttpResponse<String> response = HTTP.send(request(url, body), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + url + ": " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest request(String url, Object body) throws IOException {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Tokens.user("carol"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    /** A fault injected mid-stream and healed after {@link #DOWNTIME}. */
    interface Fault {
        String name();

        void inject();

        void heal();

        static Fault kill(String service) {
            return new Fault() {
                public String name() {
                    return "SIGKILL " + service;
                }

                public void inject() {
                    platform.kill(service);
                }

                public void heal() {
                    platform.restart(service);
                }
            };
        }

        static Fault kafka() {
            return new Fault() {
                public String name() {
                    return "Kafka stop/start";
                }

                public void inject() {
                    assertTrue(stack.stopKafka(), "the broker stopped (one this checkout's ./mops started)");
                }

                public void heal() {
                    stack.startKafka();
                }
            };
        }

        static Fault postgres() {
            return new Fault() {
                public String name() {
                    return "PostgreSQL stop/start";
                }

                public void inject() {
                    assertTrue(stack.stopPostgres(), "PostgreSQL stopped (one this checkout's ./mops started)");
                }

                public void heal() {
                    stack.startPostgres();
                }
            };
        }
    }
}
