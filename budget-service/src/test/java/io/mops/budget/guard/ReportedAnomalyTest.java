package io.mops.budget.guard;

import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * attribution-service's data-quality detectors report {@code AnomalyDetected}; the risk guard contains it by the CoE's
 * action for the detector and hands the incident to approval-service — once per event, over the real Kafka.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ReportedAnomalyTest {

    private static final String CAROL = Tokens.user("carol");
    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    private static String reported(UUID eventId, String source, String detector, String channel) {
        return """
                {"id":"%s","type":"AnomalyDetected","version":1,"source":"%s",
                 "time":"%s","subject":"channel:%s",
                 "data":{"anomalyId":"%s","detector":"%s","channel":"%s","detectedAt":"%s",
                         "observed":0.2857,"expected":0.2,"statistic":60,
                         "evidence":"%s: 60 of 210 touchpoints (28.6 %%) were already seen","action":"ALERT_ONLY"}}
                """.formatted(eventId, source, Instant.now(), channel, UUID.randomUUID(), detector, channel,
                Instant.now(), channel);
    }

    private long anomalies(String channel) {
        return db.count("select count(*) from guard_anomaly where channel = ?", channel);
    }

    @Test
    void aReportedDuplicateStormIsContainedOnceAndHandedOver() {
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("action", "FREEZE_CHANNEL"))
                .put("/budget/guard/detectors/duplicate-events").then().statusCode(200)
                .body("action", equalTo("FREEZE_CHANNEL"));
        String channel = "dq-" + UUID.randomUUID().toString().substring(0, 8);
        UUID event = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String other = "dq-" + UUID.randomUUID().toString().substring(0, 8);
        try (TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + channel,
                    reported(event, "attribution-service", "duplicate-events", channel));
            TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + channel,
                    reported(event, "attribution-service", "duplicate-events", channel));
            // Same key, same partition: once the marker is applied, both copies before it have been consumed.
            TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + channel,
                    reported(marker, "attribution-service", "event-timing", channel));
            await().atMost(Duration.ofSeconds(60)).until(() -> anomalies(channel) == 2);
            ConsumerRecord<String, String> incident = requests.await(r -> r.value().contains("\"Incident\"")
                    && r.value().contains("\"channel\":\"" + channel + "\"")
                    && r.value().contains("duplicate-events"), Duration.ofSeconds(30));
            assertTrue(incident.value().contains("reported by attribution-service"), incident.value());
            // A share of 0.2857 already seen against the 0.2 allowed: 1.43 times the line, contained by the freeze.
            assertTrue(incident.value().contains("\"severity\":\"MEDIUM\""), incident.value());
            assertTrue(incident.value().contains("\"contained\":true"), incident.value());
        }
        assertEquals(1, db.count("select count(*) from guard_anomaly where channel = ? and detector = "
                + "'duplicate-events'", channel));
        given().auth().oauth2(CAROL).queryParam("channel", channel).queryParam("status", "OPEN")
                .get("/budget/guard/anomalies").then().statusCode(200).body("$", hasSize(2));
        given().auth().oauth2(CAROL).get("/budget/guard/frozen-channels").then().statusCode(200)
                .body("'" + channel + "'", containsString("duplicate-events"));

        // budget-service's own detectors are its own to run: an AnomalyDetected of one on the topic changes nothing.
        UUID own = UUID.randomUUID();
        TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + other, reported(own, "budget-service", "spend-runaway",
                other));
        UUID otherMarker = UUID.randomUUID();
        TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + other, reported(otherMarker, "attribution-service",
                "off-taxonomy", other));
        await().atMost(Duration.ofSeconds(60)).until(() -> anomalies(other) == 1);
        assertEquals(0, db.count("select count(*) from guard_anomaly where channel = ? and detector = "
                + "'spend-runaway'", other));
    }

    @Test
    void onlyTheCoeChoosesAReportedDetectorsActionAndOnlyAnAllowedOne() {
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("action", "PAUSE_CAMPAIGN_SPEND"))
                .put("/budget/guard/detectors/event-timing").then().statusCode(400)
                .body("violations[0].field", equalTo("action"));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).contentType(ContentType.JSON)
                .body(Map.of("action", "ALERT_ONLY")).put("/budget/guard/detectors/event-timing").then()
                .statusCode(403);
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("thresholds", Map.of("x", 1)))
                .put("/budget/guard/detectors/off-taxonomy").then().statusCode(400)
                .body("violations[0].field", equalTo("thresholds.x"));
    }

    @Inject
    RiskGuard guard;

    @Test
    void aPausedExperimentContainmentIsAnnouncedAndTheCoesResolutionWithdrawsTheIncident() throws Throwable {
        String channel = "px-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("action", "PAUSE_EXPERIMENT"))
                .put("/budget/guard/detectors/tracking-breakage").then().statusCode(200)
                .body("action", equalTo("PAUSE_EXPERIMENT"));
        String anomaly;
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS);
             TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            Anomaly outage = new Anomaly(Detector.TRACKING_BREAKAGE, channel, Instant.now(), 0, 30, Math.exp(-30),
                    channel + ": 0 touchpoints in the last 1 hours while spending, against 30.0 expected",
                    Double.POSITIVE_INFINITY);
            List<AnomalyView> found = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> guard.containInTransaction(List.of(outage))));
            assertEquals(1, found.size());
            assertEquals("PAUSE_EXPERIMENT", found.getFirst().action());
            anomaly = found.getFirst().id().toString();
            ConsumerRecord<String, String> applied = events.await(r -> ("channel:" + channel).equals(r.key())
                    && r.value().contains("\"ContainmentApplied\"") && r.value().contains(anomaly),
                    Duration.ofSeconds(30));
            assertTrue(applied.value().contains("\"action\":\"PAUSE_EXPERIMENT\""), applied.value());
            ConsumerRecord<String, String> incident = requests.await(r -> r.value().contains("\"Incident\"")
                    && r.value().contains("\"reference\":\"" + anomaly + "\""), Duration.ofSeconds(30));
            assertTrue(incident.value().contains("running experiments paused"), incident.value());
            // None of 30 expected touchpoints: beyond any multiple of the line, so high, and no margin JSON could hold.
            assertTrue(incident.value().contains("\"severity\":\"HIGH\""), incident.value());
            assertFalse(incident.value().contains("\"margin\""), incident.value());
        } finally {
            given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("action", "FREEZE_CHANNEL"))
                    .put("/budget/guard/detectors/tracking-breakage").then().statusCode(200);
        }
        // Nothing of budget-service's is frozen by it: testing-service pauses the experiments.
        given().auth().oauth2(CAROL).get("/budget/guard/frozen-channels").then().statusCode(200)
                .body("'" + channel + "'", org.hamcrest.Matchers.nullValue());

        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS);
             TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("comment", "tag fixed"))
                    .post("/budget/guard/anomalies/" + anomaly + "/resolve").then().statusCode(200)
                    .body("status", equalTo("RESOLVED"));
            ConsumerRecord<String, String> lifted = events.await(r -> ("channel:" + channel).equals(r.key())
                    && r.value().contains("\"ContainmentLifted\"") && r.value().contains(anomaly),
                    Duration.ofSeconds(30));
            assertTrue(lifted.value().contains("\"action\":\"PAUSE_EXPERIMENT\""), lifted.value());
            assertTrue(lifted.value().contains("\"liftedBy\":\"carol\""), lifted.value());
            // The Incident has nothing left to decide: withdrawn as resolved, with the same key as its request.
            ConsumerRecord<String, String> withdrawn = requests.await(r -> r.value().contains("\"ApprovalWithdrawn\"")
                    && r.value().contains("\"reference\":\"" + anomaly + "\""), Duration.ofSeconds(30));
            assertEquals("channel:" + channel, withdrawn.key());
            assertTrue(withdrawn.value().contains("\"kind\":\"Incident\""), withdrawn.value());
            assertTrue(withdrawn.value().contains("\"reason\":\"RESOLVED\""), withdrawn.value());
            assertTrue(withdrawn.value().contains("resolved in budget-service by carol: tag fixed"), withdrawn.value());
        }
    }
}
