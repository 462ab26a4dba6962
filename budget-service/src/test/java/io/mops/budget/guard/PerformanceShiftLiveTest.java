package io.mops.budget.guard;

import io.mops.budget.signal.SignalFixtures;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The performance-shift detector on the live stream: attribution-service's daily {@code ChannelPerformanceUpdated}
 * (markov-1, the curves' model) over the real Kafka, judged with the CoE's thresholds, contained like every finding.
 * The series is {@link PerformanceShiftTest}'s, worked by hand: a baseline of 7 days of log cost
 * {@code ln 20 ± 0.1}, then days at z = 1.5, 2.0, 2.5, whose upper CUSUM (k 0.5) is 1.0, 2.5, 4.5 — past the CoE's
 * h = 4 on the third, though not past the default h = 5.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class PerformanceShiftLiveTest {

    private static final String CAROL = Tokens.user("carol");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final double[] BASELINE = {1, -1, 1, -1, 1, -1, 0};

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    private static String day(UUID id, String channel, LocalDate day, double z) {
        String spend = BigDecimal.valueOf(10 * 20 * Math.exp(0.1 * z)).setScale(2, RoundingMode.HALF_EVEN)
                .toPlainString();
        return SignalFixtures.event(id, Instant.now(), channel, "markov-1", "DAY", day, 1, "10", "500.00", spend);
    }

    private static void send(String channel, String event) {
        TestProducer.send(Topics.CHANNEL_PERFORMANCE, "channel:" + channel, event);
    }

    private long stored(UUID eventId) {
        return db.count("select count(*) from processed_event where event_id = ?", eventId);
    }

    private long anomalies(String channel) {
        return db.count("select count(*) from guard_anomaly where channel = ? and detector = 'performance-shift'",
                channel);
    }

    private static void setting(Map<String, Object> body) {
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(body)
                .put("/budget/guard/detectors/performance-shift").then().statusCode(200);
    }

    @Test
    void aDailyCostPerConversionShiftOpensOneIncidentAndFreezesTheChannelOnce() {
        setting(Map.of("thresholds", Map.of("k", 0.5, "h", 4, "baselineDays", 7), "action", "FREEZE_CHANNEL"));
        try {
            String channel = SignalFixtures.uniqueChannel("shift");
            LocalDate first = LocalDate.now(ZoneOffset.UTC).minusDays(20);
            int d = 0;
            for (double z : BASELINE) {
                send(channel, day(UUID.randomUUID(), channel, first.plusDays(d++), z));
            }
            UUID secondShifted = UUID.randomUUID();
            send(channel, day(UUID.randomUUID(), channel, first.plusDays(d++), 1.5));
            send(channel, day(secondShifted, channel, first.plusDays(d++), 2.0));
            // One key, one partition: the second shifted day applied means every day before it was.
            await().atMost(PATIENCE).until(() -> stored(secondShifted) == 1);
            assertEquals(0, anomalies(channel), "S+ 2.5 is within h = 4");

            LocalDate third = first.plusDays(d);
            UUID crossing = UUID.randomUUID();
            try (TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS);
                 TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
                send(channel, day(crossing, channel, third, 2.5));
                send(channel, day(crossing, channel, third, 2.5));
                // A later day that keeps the sum above h: the open anomaly covers it.
                UUID later = UUID.randomUUID();
                send(channel, day(later, channel, third.plusDays(1), 2.5));
                await().atMost(PATIENCE).until(() -> stored(later) == 1);
                ConsumerRecord<String, String> incident = requests.await(r -> r.value().contains("\"Incident\"")
                        && r.value().contains("\"channel\":\"" + channel + "\""), PATIENCE);
                assertTrue(incident.value().contains("performance-shift"), incident.value());
                // 4.5 against h = 4 is 1.125 times the line (LOW), and the freeze holds.
                assertTrue(incident.value().contains("\"severity\":\"LOW\""), incident.value());
                events.await(r -> ("channel:" + channel).equals(r.key())
                        && r.value().contains("\"AnomalyDetected\""), PATIENCE);
                assertEquals(1, requests.collect(r -> r.value().contains("\"Incident\"")
                        && r.value().contains("\"channel\":\"" + channel + "\""), Duration.ofSeconds(5)).size());
            }
            assertEquals(1, anomalies(channel));
            JsonPath anomaly = given().auth().oauth2(CAROL).queryParam("channel", channel)
                    .get("/budget/guard/anomalies").then().statusCode(200).extract().jsonPath();
            assertEquals("performance-shift", anomaly.getString("[0].detector"));
            assertEquals("OPEN", anomaly.getString("[0].status"));
            assertEquals("FREEZE_CHANNEL", anomaly.getString("[0].action"));
            // Spend rounded to cents moves z by about 1e-4 at most.
            assertEquals(4.5, anomaly.getDouble("[0].statistic"), 0.01);
            assertEquals(20 * Math.exp(0.25), anomaly.getDouble("[0].observed"), 0.01);
            assertEquals(20, anomaly.getDouble("[0].expected"), 0.01);
            assertEquals(third.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    Instant.parse(anomaly.getString("[0].detectedAt")));
            given().auth().oauth2(CAROL).get("/budget/guard/frozen-channels").then().statusCode(200)
                    .body("'" + channel + "'", containsString("performance-shift"));
        } finally {
            // Back to the defaults: other tests' daily signals are judged with them.
            setting(Map.of("action", "FREEZE_CHANNEL"));
        }
    }
}
