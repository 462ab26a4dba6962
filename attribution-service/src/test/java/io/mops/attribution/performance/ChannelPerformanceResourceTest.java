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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ChannelPerformanceResourceTest {

    static final String PATH = "/attribution/channel-performance";
    private final ObjectMapper json = new ObjectMapper();

    /** The ISO week of Monday 16 November 2026, under the linear model. */
    static Map<String, Object> report(String channel) {
        return Map.of("channel", channel, "model", "linear", "periodKind", "WEEK", "periodStart", "2026-11-16",
                "creditedConversions", 412.5, "creditedValue", 20625.00, "spend", 8250.00, "currency", "EUR");
    }

    /** A channel key no other test, and no earlier run, uses. */
    private static String uniqueChannel() {
        return "hand-" + UUID.randomUUID().toString().substring(0, 8);
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
            io.restassured.path.json.JsonPath recorded = given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                    .contentType(ContentType.JSON).body(report("search")).post(PATH)
                    .then().statusCode(201)
                    .body("roas", equalTo(2.5f))
                    .body("eventId", notNullValue())
                    .extract().jsonPath();
            String eventId = recorded.getString("eventId");
            // The list names the same event for the publication (every team reads it, a channel team included).
            given().auth().oauth2(Tokens.serviceAccount("channel-search")).queryParam("channel", "search")
                    .queryParam("limit", 500).get(PATH)
                    .then().statusCode(200)
                    .body("find { it.id == '" + recorded.getString("id") + "' }.eventId", equalTo(eventId));

            ConsumerRecord<String, String> record = tap.await(r -> r.value().contains(eventId), Duration.ofSeconds(30));
            assertEquals("channel:search", record.key());
            JsonNode envelope = json.readTree(record.value());
            assertEquals("ChannelPerformanceUpdated", envelope.get("type").asText());
            assertEquals(2, envelope.get("version").asInt());
            assertEquals("attribution-service", envelope.get("source").asText());
            assertEquals("search", envelope.at("/data/channel").asText());
            assertEquals("WEEK", envelope.at("/data/periodKind").asText());
            assertEquals("2026-11-16", envelope.at("/data/periodStart").asText());
            assertEquals("2026-11-22", envelope.at("/data/periodEnd").asText());
            assertEquals("UTC", envelope.at("/data/zone").asText());
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
    void aWeekThatDoesNotStartOnMondayIsRefusedNamingPeriodStart() {
        Map<String, Object> bad = new java.util.HashMap<>(report("search"));
        bad.put("periodStart", "2026-11-17");
        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType(ContentType.JSON).body(bad).post(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("periodStart"))
                .body("violations[0].message", containsString("TUESDAY"));
    }

    @Test
    void aPeriodEndThatIsNotTheLastDayOfThePeriodIsRefused() {
        Map<String, Object> bad = new java.util.HashMap<>(report("search"));
        bad.put("periodEnd", "2026-11-23");
        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType(ContentType.JSON).body(bad).post(PATH)
                .then().statusCode(400)
                .body("violations[0].field", equalTo("periodEnd"))
                .body("violations[0].message", containsString("2026-11-22"));
        Map<String, Object> day = new java.util.HashMap<>(report("search"));
        day.put("periodKind", "DAY");
        day.put("periodEnd", "2026-11-17");
        given().auth().oauth2(Tokens.serviceAccount("mops-coe"))
                .contentType(ContentType.JSON).body(day).post(PATH)
                .then().statusCode(400).body("violations[0].field", equalTo("periodEnd"));
    }

    @Test
    void recordingAPeriodAgainPublishesItsNextRevision() {
        String channel = uniqueChannel();
        Map<String, Object> first = new java.util.HashMap<>(report(channel));
        first.put("periodKind", "DAY");
        first.put("periodStart", "2026-11-17");
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(first).post(PATH)
                .then().statusCode(201).body("revision", equalTo(1)).body("periodEnd", equalTo("2026-11-17"))
                .body("recordedByHand", equalTo(true));
        first.put("creditedValue", 21000);
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(first).post(PATH)
                .then().statusCode(201).body("revision", equalTo(2)).body("roas", equalTo(2.5455f));
    }

    @Test
    void theListNamesEachPublicationsEventNewestFirstByChannelAndModelAndInPages() {
        String channel = uniqueChannel();
        List<String> eventIds = new java.util.ArrayList<>();
        for (String model : List.of("linear", "linear", "shapley")) {
            Map<String, Object> report = new java.util.HashMap<>(report(channel));
            report.put("model", model);
            eventIds.add(given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(report)
                    .post(PATH).then().statusCode(201).extract().path("eventId"));
        }

        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", channel).get(PATH)
                .then().statusCode(200)
                .body("eventId", equalTo(List.of(eventIds.get(2), eventIds.get(1), eventIds.get(0))))
                .body("channel", everyItem(equalTo(channel)));
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", channel).queryParam("model", "linear")
                .get(PATH)
                .then().statusCode(200)
                .body("eventId", equalTo(List.of(eventIds.get(1), eventIds.get(0))))
                .body("revision", equalTo(List.of(2, 1)));
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", channel).queryParam("limit", 2)
                .queryParam("page", 1).get(PATH)
                .then().statusCode(200).body("eventId", equalTo(List.of(eventIds.get(0))));
        given().auth().oauth2(Tokens.user("carol")).get(PATH)
                .then().statusCode(200).body("eventId", everyItem(notNullValue()));
        given().auth().oauth2(Tokens.user("carol")).queryParam("channel", "Not A Channel").get(PATH)
                .then().statusCode(400).contentType("application/problem+json");
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
    void aChannelTeamReadsOnlyItsOwnChannelsPerformance() {
        String other = uniqueChannel();
        String search = given().auth().oauth2(Tokens.serviceAccount("mops-coe")).contentType(ContentType.JSON)
                .body(report("search")).post(PATH).then().statusCode(201).extract().path("id");
        String others = given().auth().oauth2(Tokens.serviceAccount("mops-coe")).contentType(ContentType.JSON)
                .body(report(other)).post(PATH).then().statusCode(201).extract().path("id");

        // Without a channel the search team's list is narrowed to search: its row is there, the other's is not.
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).queryParam("limit", 500).get(PATH)
                .then().statusCode(200)
                .body("channel", everyItem(equalTo("search")))
                .body("id", hasItems(search))
                .body("id", not(hasItem(others)));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).queryParam("channel", other).get(PATH)
                .then().statusCode(403).contentType("application/problem+json");
        // The CoE sees both.
        given().auth().oauth2(Tokens.user("carol")).queryParam("limit", 500).get(PATH)
                .then().statusCode(200).body("id", hasItems(search, others));
    }

    @Test
    void aPersonWithoutChannelMayNotReadPerformance() {
        // Approvers belong to no channel; like budget-service's channel signals, these figures are not theirs to read.
        given().auth().oauth2(Tokens.user("alice")).get(PATH)
                .then().statusCode(403).contentType("application/problem+json");
    }
}
