package io.mops.attribution.performance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ChannelPerformanceResourceTest {

    static final String PATH = "/attribution/channel-performance";
    private final ObjectMapper json = new ObjectMapper();

    static Map<String, Object> report(String channel) {
        return Map.of("channel", channel, "model", "linear", "windowStart", "2026-11-01", "windowEnd", "2026-11-24",
                "creditedConversions", 412.5, "creditedValue", 20625.00, "spend", 8250.00, "currency", "EUR");
    }

    @Test
    void withoutATokenTheAnswerIs401AsProblemJson() {
        given().contentType(ContentType.JSON).body(report("search")).post(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void aChannelTeamMayNotRecordPerformance() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search"))
                .contentType(ContentType.JSON).body(report("search")).post(PATH)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void recordedPerformanceIsPublishedOnceAsChannelPerformanceUpdated() throws Exception {
        try (TopicTap tap = TopicTap.open(Topics.CHANNEL_PERFORMANCE)) {
            String eventId = given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                    .contentType(ContentType.JSON).body(report("search")).post(PATH)
                    .then().statusCode(201)
                    .body("roas", equalTo(2.5f))
                    .body("eventId", notNullValue())
                    .extract().path("eventId");

            ConsumerRecord<String, String> record = tap.await(r -> r.value().contains(eventId), Duration.ofSeconds(30));
            assertEquals("channel:search", record.key());
            JsonNode envelope = json.readTree(record.value());
            assertEquals("ChannelPerformanceUpdated", envelope.get("type").asText());
            assertEquals(1, envelope.get("version").asInt());
            assertEquals("attribution-service", envelope.get("source").asText());
            assertEquals("search", envelope.at("/data/channel").asText());
            assertEquals(0, envelope.at("/data/roas").decimalValue().compareTo(new java.math.BigDecimal("2.5")));

            assertEquals(1, tap.collect(r -> r.value().contains(eventId), Duration.ofSeconds(2)).size());
            assertEquals(1, TestDatabase.named("mops_attribution_test")
                    .count("select count(*) from outbox_event where id = ?::uuid and published_at is not null", eventId));
        }
    }

    @Test
    void everyInvalidFieldIsNamedWithItsReason() {
        Map<String, Object> bad = new java.util.HashMap<>(report("search"));
        bad.put("currency", "euro");
        bad.put("spend", -5);
        bad.remove("model");
        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType(ContentType.JSON).body(bad).post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("violations.field", hasItems("currency", "spend", "model"));
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() {
        Map<String, Object> bad = new java.util.HashMap<>(report("search"));
        bad.put("windowEnd", "2026-10-01");
        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType(ContentType.JSON).body(bad).post(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("windowEnd"))
                .body("violations[0].message", containsString("before windowStart"));
    }

    @Test
    void malformedJsonIsA400NotA500() {
        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType(ContentType.JSON).body("{\"channel\": \"search\", \"spend\": \"lots\"}").post(PATH)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("spend"));
    }

    @Test
    void everySignedInPersonMayReadPerformance() {
        given().auth().oauth2(Tokens.user("alice")).get(PATH)
                .then().statusCode(200);
    }
}
