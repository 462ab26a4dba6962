package io.mops.testing.exposure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.mops.testing.ExperimentFixtures.draft;
import static io.mops.testing.ExperimentFixtures.planVariants;
import static io.mops.testing.ExperimentFixtures.start;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exposures and outcomes over the real Kafka, counted in the real database by the same rules as REST. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ExposureListenerTest {

    static final String EMAIL = Tokens.serviceAccount("channel-email");
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestDatabase db = TestDatabase.named("mops_testing_test");
    private final ObjectMapper json = new ObjectMapper();

    private static String runningExperiment(String metricKind) {
        String key = draft(EMAIL, "email", Map.of("metric", "revenue".equals(metricKind) ? "revenue" : "conversion",
                "metricKind", "revenue".equals(metricKind) ? "CONTINUOUS" : "BINARY"));
        planVariants(EMAIL, key, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))));
        start(EMAIL, key);
        return key;
    }

    private static void exposeByRest(String key, String unit, String variant) {
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("exposures", List.of(Map.of("unitId", unit, "variant", variant))))
                .post("/experiments/" + key + "/exposures").then().statusCode(200);
    }

    private String envelope(UUID id, String type, String key, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("source", "email-delivery");
        envelope.put("time", "2026-11-25T10:00:00Z");
        envelope.put("subject", "experiment:" + key);
        envelope.put("data", data);
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String exposure(UUID id, String key, String unit, String variant) {
        return envelope(id, "ExposureObserved", key, Map.of("experimentKey", key, "unitId", unit, "variant", variant));
    }

    private String outcome(UUID id, String key, String unit, BigDecimal value) {
        Map<String, Object> data = new HashMap<>(Map.of("experimentKey", key, "unitId", unit));
        if (value != null) {
            data.put("value", value);
        }
        return envelope(id, "OutcomeObserved", key, data);
    }

    private long exposures(String key, String unit) {
        return db.count("select count(*) from exposure x join experiment e on e.id = x.experiment_id "
                + "where e.key = ? and x.unit_id = ?", key, unit);
    }

    private long unitsWith(String key, String unit, int outcomes, String valueTotal) {
        return db.count("select count(*) from exposure x join experiment e on e.id = x.experiment_id "
                        + "where e.key = ? and x.unit_id = ? and x.outcomes = ? and x.value_total = ?",
                key, unit, outcomes, new BigDecimal(valueTotal));
    }

    @Test
    void redeliveredExposureCountsOnce() {
        String key = runningExperiment("conversion");
        UUID id = UUID.randomUUID();
        TestProducer.send(Topics.INGEST_EXPOSURES, "experiment:" + key, exposure(id, key, "user-1", "bold"));
        TestProducer.send(Topics.INGEST_EXPOSURES, "experiment:" + key, exposure(id, key, "user-1", "bold"));
        // Same key, same partition: once the marker is applied, both copies before it have been consumed.
        TestProducer.send(Topics.INGEST_EXPOSURES, "experiment:" + key,
                exposure(UUID.randomUUID(), key, "marker", "control"));

        await().atMost(PATIENCE).until(() -> exposures(key, "marker") == 1);
        assertEquals(1, exposures(key, "user-1"));
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", id));
    }

    @Test
    void redeliveredOutcomeAddsItsValueOnce() {
        String key = runningExperiment("revenue");
        exposeByRest(key, "user-1", "control");
        exposeByRest(key, "marker", "control");
        UUID id = UUID.randomUUID();
        TestProducer.send(Topics.INGEST_OUTCOMES, "experiment:" + key, outcome(id, key, "user-1", new BigDecimal("49.90")));
        TestProducer.send(Topics.INGEST_OUTCOMES, "experiment:" + key, outcome(id, key, "user-1", new BigDecimal("49.90")));
        TestProducer.send(Topics.INGEST_OUTCOMES, "experiment:" + key,
                outcome(UUID.randomUUID(), key, "marker", new BigDecimal("10")));

        await().atMost(PATIENCE).until(() -> unitsWith(key, "marker", 1, "10") == 1);
        assertEquals(1, unitsWith(key, "user-1", 1, "49.90"), "49.90 counted once, not 99.80");
    }

    /**
     * After the bandit concluded with a winner, the rolled-out winner's exposures and outcomes keep arriving over
     * Kafka and count once each, as for a running experiment, marked as units of the rollout.
     */
    @Test
    void afterAWinnerIsDeclaredRedeliveredEventsStillCountOnce() {
        String key = draft(EMAIL, "email", Map.of());
        planVariants(EMAIL, key, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "strong"))));
        start(EMAIL, key);
        List<Map<String, String>> exposed = new java.util.ArrayList<>();
        List<Map<String, String>> converted = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            exposed.add(Map.of("unitId", "control-" + i, "variant", "control"));
            exposed.add(Map.of("unitId", "strong-" + i, "variant", "strong"));
            if (i < 30) {
                converted.add(Map.of("unitId", "control-" + i));
            }
            if (i < 70) {
                converted.add(Map.of("unitId", "strong-" + i));
            }
        }
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("exposures", exposed))
                .post("/experiments/" + key + "/exposures").then().statusCode(200);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("outcomes", converted))
                .post("/experiments/" + key + "/outcomes").then().statusCode(200);
        given().auth().oauth2(EMAIL).post("/experiments/" + key + "/reallocations").then().statusCode(200)
                .body("decision.winner", org.hamcrest.Matchers.equalTo("strong"));

        UUID exposureId = UUID.randomUUID();
        UUID outcomeId = UUID.randomUUID();
        TestProducer.send(Topics.INGEST_EXPOSURES, "experiment:" + key, exposure(exposureId, key, "later-1", "strong"));
        TestProducer.send(Topics.INGEST_EXPOSURES, "experiment:" + key, exposure(exposureId, key, "later-1", "strong"));
        TestProducer.send(Topics.INGEST_EXPOSURES, "experiment:" + key,
                exposure(UUID.randomUUID(), key, "marker", "strong"));
        await().atMost(PATIENCE).until(() -> exposures(key, "marker") == 1);
        assertEquals(1, db.count("select count(*) from exposure x join experiment e on e.id = x.experiment_id "
                + "where e.key = ? and x.unit_id = ? and x.after_conclusion", key, "later-1"));

        TestProducer.send(Topics.INGEST_OUTCOMES, "experiment:" + key, outcome(outcomeId, key, "later-1", null));
        TestProducer.send(Topics.INGEST_OUTCOMES, "experiment:" + key, outcome(outcomeId, key, "later-1", null));
        TestProducer.send(Topics.INGEST_OUTCOMES, "experiment:" + key,
                outcome(UUID.randomUUID(), key, "marker", null));
        await().atMost(PATIENCE).until(() -> unitsWith(key, "marker", 1, "0") == 1);
        assertEquals(1, unitsWith(key, "later-1", 1, "0"), "the redelivered conversion counted once");
    }

    @Test
    void outcomeArrivingJustBeforeItsExposureIsStillCounted() {
        String key = runningExperiment("conversion");
        TestProducer.send(Topics.INGEST_OUTCOMES, "experiment:" + key, outcome(UUID.randomUUID(), key, "user-1", null));
        TestProducer.send(Topics.INGEST_EXPOSURES, "experiment:" + key,
                exposure(UUID.randomUUID(), key, "user-1", "bold"));

        await().atMost(PATIENCE).until(() -> unitsWith(key, "user-1", 1, "0") == 1);
    }

    @Test
    void exposureForAnUnknownExperimentIsDeadLetteredAndTheNextOneIsApplied() {
        String key = runningExperiment("conversion");
        UUID bad = UUID.randomUUID();
        String unknown = exposure(bad, "no-such-experiment", "user-1", "bold");
        String good = exposure(UUID.randomUUID(), key, "user-2", "bold");
        // Both on the running experiment's key, so the good one is consumed after the bad one.
        deadLettered(Topics.INGEST_EXPOSURES, key, unknown, bad, "no experiment with key 'no-such-experiment'",
                good, () -> exposures(key, "user-2") == 1);
    }

    @Test
    void exposureToAnUnknownVariantIsDeadLettered() {
        String key = runningExperiment("conversion");
        UUID bad = UUID.randomUUID();
        deadLettered(Topics.INGEST_EXPOSURES, key, exposure(bad, key, "user-1", "shouty"), bad,
                "variant: experiment '" + key + "' has no variant 'shouty'",
                exposure(UUID.randomUUID(), key, "user-2", "bold"), () -> exposures(key, "user-2") == 1);
        assertEquals(0, exposures(key, "user-1"));
    }

    @Test
    void outcomeForAUnitNeverExposedIsDeadLetteredAndTheNextOneIsApplied() {
        String key = runningExperiment("conversion");
        exposeByRest(key, "user-2", "control");
        UUID bad = UUID.randomUUID();
        deadLettered(Topics.INGEST_OUTCOMES, key, outcome(bad, key, "stranger", null), bad,
                "unitId: unit 'stranger' was never exposed",
                outcome(UUID.randomUUID(), key, "user-2", null), () -> unitsWith(key, "user-2", 1, "0") == 1);
    }

    @Test
    void outcomeValueOfTheWrongKindForTheMetricIsDeadLetteredAndTheNextOneIsApplied() {
        String key = runningExperiment("conversion");
        exposeByRest(key, "user-1", "control");
        exposeByRest(key, "user-2", "control");
        UUID bad = UUID.randomUUID();
        deadLettered(Topics.INGEST_OUTCOMES, key, outcome(bad, key, "user-1", new BigDecimal("2.5")), bad,
                "value: the metric is BINARY",
                outcome(UUID.randomUUID(), key, "user-2", null), () -> unitsWith(key, "user-2", 1, "0") == 1);
        assertEquals(1, unitsWith(key, "user-1", 0, "0"), "the refused outcome left the unit unconverted");
    }

    @Test
    void malformedOutcomeIsDeadLetteredAndTheNextOneIsApplied() {
        String key = runningExperiment("conversion");
        exposeByRest(key, "user-2", "control");
        UUID bad = UUID.randomUUID();
        String garbage = "{\"id\": \"" + bad + "\", \"type\": \"OutcomeObserved\", ";
        deadLettered(Topics.INGEST_OUTCOMES, key, garbage, bad, "not an event envelope",
                outcome(UUID.randomUUID(), key, "user-2", null), () -> unitsWith(key, "user-2", 1, "0") == 1);
    }

    private void deadLettered(String topic, String key, String poison, UUID poisonId, String reasonPart,
                              String next, BooleanSupplier nextApplied) {
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(topic, "experiment:" + key, poison);
            TestProducer.send(topic, "experiment:" + key, next);

            ConsumerRecord<String, String> dead = dlq.await(r -> r.value() != null
                    && r.value().contains(poisonId.toString()), PATIENCE);
            Header reason = dead.headers().lastHeader("dead-letter-reason");
            assertNotNull(reason, "the dead letter says why");
            String why = new String(reason.value(), StandardCharsets.UTF_8);
            assertTrue(why.contains(reasonPart), why);
            await().atMost(PATIENCE).until(nextApplied::getAsBoolean);
        }
        assertEquals(0, db.count("select count(*) from processed_event where event_id = ?", poisonId));
    }
}
