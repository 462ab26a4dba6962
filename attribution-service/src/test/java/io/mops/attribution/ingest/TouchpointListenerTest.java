package io.mops.attribution.ingest;

import io.mops.common.events.Topics;
import io.mops.common.events.TouchpointObserved;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.ServiceMetrics;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Touchpoints from the real Kafka into the real database. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class TouchpointListenerTest {

    private static final String OUTAGE_RETRIES = "mops_consumer_database_outage_retries_total";

    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    static String event(UUID id, String customer, String data) {
        return """
                {"id":"%s","type":"TouchpointObserved","version":1,"source":"channel-search",
                 "time":"2026-11-25T10:00:00Z","subject":"customer:%s","data":%s}
                """.formatted(id, customer, data);
    }

    static String click(String userId, String channel) {
        return """
                {"userId":"%s","occurredAt":"2026-11-24T09:30:00Z","channel":"%s","campaign":"brand-q4",
                 "interaction":"click","cost":0.85,"currency":"EUR"}""".formatted(userId, channel);
    }

    private long stored(UUID eventId) {
        return db.count("select count(*) from touchpoint where event_id = ?", eventId);
    }

    @Test
    void aTouchpointIsStoredOnceEvenWhenDeliveredTwice() {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String user = "user-" + id;
        TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(id, user, click(user, "search")));
        TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(id, user, click(user, "search")));
        // Same key, same partition: once the marker is stored, both copies before it have been consumed.
        TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(marker, user, click(user, "email")));

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(marker) == 1);
        assertEquals(1, stored(id));
        assertEquals(1, db.count("select count(*) from touchpoint where event_id = ? and user_id = ? and channel = 'search'"
                + " and campaign = 'brand-q4' and interaction = 'click' and cost = 0.85 and currency = 'EUR'", id, user));
    }

    @Test
    void anAnonymousImpressionWithoutCostIsStored() {
        UUID id = UUID.randomUUID();
        String anonymous = "cookie-" + id;
        TestProducer.send(TouchpointObserved.TOPIC, "customer:" + anonymous, event(id, anonymous, """
                {"anonymousId":"%s","occurredAt":"2026-11-24T09:00:00Z","channel":"display",
                 "interaction":"impression"}""".formatted(anonymous)));

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(id) == 1);
        assertEquals(1, db.count("select count(*) from touchpoint where event_id = ? and user_id is null"
                + " and anonymous_id = ? and cost is null", id, anonymous));
    }

    @Test
    void aTouchpointWithoutACustomerIsDeadLetteredWithTheReason() {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(TouchpointObserved.TOPIC, "customer:nobody", event(bad, "nobody", """
                    {"occurredAt":"2026-11-24T09:00:00Z","channel":"display","interaction":"impression"}"""));
            TestProducer.send(TouchpointObserved.TOPIC, "customer:nobody", event(good, "u1", click("u1", "search")));

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(bad.toString()), Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("userId or anonymousId"), reason);
            assertEquals("io.mops.common.events.PoisonEventException", new String(
                    dead.headers().lastHeader("dead-letter-exception-class-name").value(), StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(60)).until(() -> stored(good) == 1);
            assertEquals(0, stored(bad));
            // Polled together with the poison one, the good touchpoint must not share its fate.
            assertEquals(List.of(), dlq.collect(r -> r.value().contains(good.toString()), Duration.ofSeconds(2)));
        }
    }

    @Test
    void aTouchpointImportedOverRestIsKeptAndNotDeadLetteredWhenKafkaDeliversItToo() {
        UUID imported = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String user = "u-" + imported;
        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType("application/x-ndjson")
                .body(TouchpointImportResourceTest.bytes(TouchpointImportResourceTest.jsonLine(imported, "search")))
                .post(TouchpointImportResourceTest.PATH)
                .then().statusCode(200).body("stored", equalTo(1));
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(imported, user, click(user, "search")));
            TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(marker, user, click(user, "email")));

            await().atMost(Duration.ofSeconds(60)).until(() -> stored(marker) == 1);
            assertEquals(1, db.count("select count(*) from touchpoint where event_id = ? and cost = 1.20", imported));
            assertEquals(List.of(), dlq.collect(r -> r.value().contains(imported.toString()), Duration.ofSeconds(2)));
        }
    }

    @Test
    void anUnknownInteractionIsDeadLetteredNamingTheField() {
        UUID bad = UUID.randomUUID();
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(TouchpointObserved.TOPIC, "customer:u2", event(bad, "u2", """
                    {"userId":"u2","occurredAt":"2026-11-24T09:00:00Z","channel":"search","interaction":"hover"}"""));

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(bad.toString()), Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("interaction"), reason);
            assertEquals(0, stored(bad));
        }
    }

    /**
     * Poison PostgreSQL or the validator would only trip over inside the batch (no data, NUL in text, a date past
     * year 9999) used to fail the whole poll, dead-lettering the valid events polled with it. Each costs only itself.
     */
    @Test
    void poisonMixedIntoAStreamCostsOnlyItself() {
        String user = "mix-" + UUID.randomUUID();
        List<UUID> good = new java.util.ArrayList<>();
        java.util.Map<UUID, String> poison = new java.util.LinkedHashMap<>();
        poison.put(UUID.randomUUID(), "null");
        poison.put(UUID.randomUUID(), click("u\\u0000x", "search"));
        poison.put(UUID.randomUUID(), click(user, "search").replace("2026-11-24T09:30:00Z", "+300000-01-01T00:00:00Z"));
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            java.util.Iterator<java.util.Map.Entry<UUID, String>> bad = poison.entrySet().iterator();
            for (int i = 0; i < 300; i++) {
                if (i % 100 == 50 && bad.hasNext()) {
                    java.util.Map.Entry<UUID, String> p = bad.next();
                    TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(p.getKey(), user, p.getValue()));
                }
                UUID id = UUID.randomUUID();
                good.add(id);
                TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(id, user, click(user, "search")));
            }
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    db.count("select count(*) from touchpoint where user_id = ?", user) == good.size());
            for (UUID id : poison.keySet()) {
                ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(id.toString()), Duration.ofSeconds(60));
                assertTrue(dead.headers().lastHeader("dead-letter-reason") != null, "no reason for " + id);
                assertEquals(0, stored(id));
            }
            assertEquals(List.of(), dlq.collect(r -> good.stream().anyMatch(id -> r.value().contains(id.toString())),
                    Duration.ofSeconds(2)));
        }
    }

    /**
     * A value validation lets through but the database refuses (here a check constraint the test adds for one
     * campaign name, standing for any refusal validation did not foresee) used to fail the poll's single insert and
     * dead-letter every event of the poll. The batch is halved until the refused events stand alone.
     */
    @Test
    void anEventTheDatabaseRefusesCostsOnlyItself() {
        String user = "refused-" + UUID.randomUUID();
        String refusedCampaign = "refused-" + UUID.randomUUID();
        String constraint = "test_refuses_" + refusedCampaign.substring(8, 16);
        db.update("alter table touchpoint add constraint " + constraint
                + " check (campaign is distinct from '" + refusedCampaign + "') not valid");
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            List<UUID> good = new java.util.ArrayList<>();
            List<UUID> refused = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                UUID id = UUID.randomUUID();
                boolean poison = i == 37 || i == 151;
                (poison ? refused : good).add(id);
                String data = click(user, "search").replace("brand-q4", poison ? refusedCampaign : "brand-q4");
                TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(id, user, data));
            }
            await().atMost(Duration.ofSeconds(90)).until(() ->
                    db.count("select count(*) from touchpoint where user_id = ?", user) == good.size());
            for (UUID id : refused) {
                ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(id.toString()), Duration.ofSeconds(60));
                String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
                assertTrue(reason.contains("23514") && reason.contains(constraint), reason);
                assertEquals("io.vertx.pgclient.PgException", new String(
                        dead.headers().lastHeader("dead-letter-exception-class-name").value(), StandardCharsets.UTF_8));
                assertEquals(0, stored(id));
            }
            assertEquals(List.of(), dlq.collect(r -> good.stream().anyMatch(id -> r.value().contains(id.toString())),
                    Duration.ofSeconds(2)));
        } finally {
            db.update("alter table touchpoint drop constraint " + constraint);
        }
    }

    /**
     * The way back for a dead letter: after the cause is fixed the CoE replays it with {@code ./mops dlq replay}
     * (the program that command runs), and it is applied once; a second replay is a redelivery and changes nothing.
     */
    @Test
    void aDeadLetterReplayedAfterTheFixIsAppliedOnce() throws Exception {
        String user = "replay-" + UUID.randomUUID();
        String refusedCampaign = "replay-" + UUID.randomUUID();
        String constraint = "test_refuses_" + refusedCampaign.substring(7, 15);
        db.update("alter table touchpoint add constraint " + constraint
                + " check (campaign is distinct from '" + refusedCampaign + "') not valid");
        UUID refused = UUID.randomUUID();
        ConsumerRecord<String, String> dead;
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user,
                    event(refused, user, click(user, "search").replace("brand-q4", refusedCampaign)));
            dead = dlq.await(r -> r.value().contains(refused.toString()), Duration.ofSeconds(60));
        } finally {
            db.update("alter table touchpoint drop constraint " + constraint);
        }
        String position = dead.partition() + ":" + dead.offset();

        String fromTopic = new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8);
        assertEquals(io.mops.testsupport.LocalStack.testTopic(TouchpointObserved.TOPIC), fromTopic);
        String listed = deadLetters("list", "--from-topic", fromTopic, "--reason", constraint);
        assertTrue(listed.contains(position) && listed.contains(refused.toString()) && listed.contains("1 dead letter(s)"),
                listed);

        String replayed = deadLetters("replay", position);
        assertTrue(replayed.contains("1 dead letter(s) replayed"), replayed);
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(refused) == 1);

        deadLetters("replay", position);
        UUID marker = UUID.randomUUID();
        TestProducer.send(TouchpointObserved.TOPIC, "customer:" + user, event(marker, user, click(user, "email")));
        // Same key, same partition: once the marker is stored, the second replay before it has been consumed.
        await().atMost(Duration.ofSeconds(60)).until(() -> stored(marker) == 1);
        assertEquals(1, stored(refused));
        assertEquals(1, db.count("select count(*) from touchpoint where event_id = ? and campaign = ?", refused,
                refusedCampaign));
    }

    /** Runs infra/tools/DeadLetters.java as {@code ./mops dlq} does, on the tests' dead-letter topic. */
    private static String deadLetters(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                java.nio.file.Path.of("..", "infra", "tools", "DeadLetters.java").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--dlq", io.mops.testsupport.LocalStack.testTopic(Topics.DEAD_LETTER),
                "--bootstrap", io.mops.testsupport.LocalStack.ensureRunning().kafkaBootstrap()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    /**
     * PostgreSQL away for a few seconds (this test database only: connections refused and cut) while touchpoints
     * arrive: the consumer retries the poll until the database is back, so every touchpoint is stored exactly once,
     * none is dead-lettered, and the service is ready afterwards.
     */
    @Test
    void touchpointsArrivingWhileTheDatabaseIsAwayAreStoredOnceAndNoneDeadLettered() throws InterruptedException {
        String user = "outage-" + UUID.randomUUID();
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(40).toList();
        List<Map.Entry<String, String>> records = ids.stream()
                .map(id -> Map.entry("customer:" + user, event(id, user, click(user, "search"))))
                .toList();
        double retriedBefore = ServiceMetrics.sample(OUTAGE_RETRIES);
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            try (TestDatabase.Outage outage = db.takeAway()) {
                TestProducer.sendAll(TouchpointObserved.TOPIC, records.subList(0, 20));
                Thread.sleep(3_000);
                TestProducer.sendAll(TouchpointObserved.TOPIC, records.subList(20, 40));
                Thread.sleep(3_000);
            }
            String inIds = ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
            await().atMost(Duration.ofSeconds(90)).until(() -> db.count(
                    "select count(distinct event_id) from touchpoint where event_id = any(?::uuid[])", inIds) == 40);
            assertEquals(40, db.count("select count(*) from touchpoint where event_id = any(?::uuid[])", inIds));
            assertEquals(List.of(), dlq.collect(r -> ids.stream().anyMatch(id -> r.value().contains(id.toString())),
                    Duration.ofSeconds(3)));
        }
        assertTrue(ServiceMetrics.sample(OUTAGE_RETRIES) > retriedBefore, "the consumer met the outage and retried");
        // Ready again by itself: no restart, no person.
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
