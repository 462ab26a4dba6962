package io.mops.attribution.performance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Performance announced from computed credit, end to end: imports over REST, the publisher triggered over REST,
 * the events read from the real topic. The test owns the year 2098 of the test database.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ChannelPerformancePublisherTest {

    private static final String RECOMPUTE = "/attribution/channel-performance/recompute";
    private static final String AS_OF = "2098-06-28";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    private static byte[] lines(String... lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static void post(String path, byte[] body) {
        given().auth().oauth2(Tokens.user("carol")).contentType("application/x-ndjson").body(body).post(path)
                .then().statusCode(200);
    }

    private static String touchpoint(String user, String at, String channel) {
        return """
                {"eventId":"%s","userId":"%s","occurredAt":"%s","channel":"%s","interaction":"click"}"""
                .formatted(UUID.randomUUID(), user, at, channel);
    }

    private static String conversion(String user, String at, String value) {
        return """
                {"eventId":"%s","userId":"%s","occurredAt":"%s","value":%s,"currency":"EUR"}"""
                .formatted(UUID.randomUUID(), user, at, value);
    }

    private static String spend(String channel, String day, String amount, String currency) {
        return """
                {"eventId":"%s","campaignId":"%s","day":"%s","channel":"%s","amount":%s,"currency":"%s"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), day, channel, amount, currency);
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ofThisWindow(ConsumerRecord<String, String> record) {
        JsonNode event = read(record);
        return "ChannelPerformanceUpdated".equals(event.path("type").asText())
                && "2098-06-01".equals(event.path("data").path("windowStart").asText());
    }

    /**
     * June 2098, window 1–28 June: u-a clicked search and converted for 100, u-b clicked email and converted for
     * 50. Under markov-1 both single-channel paths are indispensable: one conversion each; in value the removal
     * effects are 1 - 25/75 = 2/3 for search and 1 - 50/75 = 1/3 for email, so 100 and 50. Spend in the window:
     * search 40 EUR, email 25 EUR, so ROAS 2.5 and 2.0; spend before the window and in USD does not count.
     * The previous window of the same length, 4–31 May: u-c clicked search and converted for 200, u-d clicked
     * email and converted for 50, so search was credited 200 then (now 100: DOWN) and email 50 (now 50: FLAT).
     */
    @BeforeEach
    void june2098() {
        db.update("delete from touchpoint where occurred_at >= '2098-01-01' and occurred_at < '2099-01-01'");
        db.update("delete from conversion where occurred_at >= '2098-01-01' and occurred_at < '2099-01-01'");
        db.update("delete from channel_spend where day >= '2098-01-01' and day < '2099-01-01'");
        db.update("delete from channel_performance_publication");
        post("/attribution/touchpoints", lines(touchpoint("u-a", "2098-06-10T10:00:00Z", "search"),
                touchpoint("u-b", "2098-06-11T10:00:00Z", "email"), touchpoint("u-c", "2098-05-10T10:00:00Z", "search"),
                touchpoint("u-d", "2098-05-11T10:00:00Z", "email")));
        post("/attribution/conversions", lines(conversion("u-a", "2098-06-10T12:00:00Z", "100"),
                conversion("u-b", "2098-06-11T12:00:00Z", "50"), conversion("u-c", "2098-05-10T12:00:00Z", "200"),
                conversion("u-d", "2098-05-11T12:00:00Z", "50")));
        post("/attribution/spend", lines(spend("search", "2098-06-10", "40", "EUR"),
                spend("email", "2098-06-11", "25", "EUR"), spend("search", "2098-05-20", "1000", "EUR"),
                spend("search", "2098-06-12", "999", "USD")));
    }

    @Test
    void eachChangedChannelIsAnnouncedOnceWithItsRoasAndAnImmediateRerunAnnouncesNothing() {
        try (TopicTap tap = TopicTap.open(Topics.CHANNEL_PERFORMANCE)) {
            given().auth().oauth2(Tokens.user("carol")).queryParam("asOf", AS_OF).post(RECOMPUTE)
                    .then().statusCode(200)
                    .body("channel", equalTo(List.of("email", "search")));
            tap.await(r -> ofThisWindow(r) && r.value().contains("\"channel\":\"search\""), Duration.ofSeconds(30));
            tap.await(r -> ofThisWindow(r) && r.value().contains("\"channel\":\"email\""), Duration.ofSeconds(30));

            given().auth().oauth2(Tokens.user("carol")).queryParam("asOf", AS_OF).post(RECOMPUTE)
                    .then().statusCode(200)
                    .body("$", hasSize(0));

            Map<String, List<JsonNode>> announced = tap.collect(ChannelPerformancePublisherTest::ofThisWindow,
                            Duration.ofSeconds(3)).stream().map(r -> read(r).path("data"))
                    .collect(Collectors.groupingBy(data -> data.path("channel").asText()));
            assertEquals(2, announced.size());
            assertEquals(1, announced.get("search").size());
            assertEquals(1, announced.get("email").size());
            JsonNode search = announced.get("search").getFirst();
            assertEquals("markov-1", search.path("model").asText());
            assertEquals("2098-06-28", search.path("windowEnd").asText());
            assertEquals(0, new BigDecimal("1").compareTo(search.path("creditedConversions").decimalValue()));
            assertEquals(0, new BigDecimal("100").compareTo(search.path("creditedValue").decimalValue()));
            assertEquals(0, new BigDecimal("40").compareTo(search.path("spend").decimalValue()));
            assertEquals(new BigDecimal("2.5000"), search.path("roas").decimalValue());
            assertEquals(new BigDecimal("2.0000"), announced.get("email").getFirst().path("roas").decimalValue());
        }
    }

    @Test
    void eachAnnouncementCarriesTheTrendAgainstThePreviousWindowOfTheSameLength() {
        try (TopicTap tap = TopicTap.open(Topics.CHANNEL_PERFORMANCE)) {
            given().auth().oauth2(Tokens.user("carol")).queryParam("asOf", AS_OF).post(RECOMPUTE)
                    .then().statusCode(200)
                    .body("channel", equalTo(List.of("email", "search")));
            JsonNode search = read(tap.await(r -> ofThisWindow(r) && r.value().contains("\"channel\":\"search\""),
                    Duration.ofSeconds(30))).path("data").path("trend");
            JsonNode email = read(tap.await(r -> ofThisWindow(r) && r.value().contains("\"channel\":\"email\""),
                    Duration.ofSeconds(30))).path("data").path("trend");

            assertEquals("2098-05-04", search.path("previousWindowStart").asText());
            assertEquals("2098-05-31", search.path("previousWindowEnd").asText());
            assertEquals(0, new BigDecimal("1").compareTo(search.path("previousConversions").decimalValue()));
            assertEquals(0, new BigDecimal("200").compareTo(search.path("previousValue").decimalValue()));
            assertEquals("DOWN", search.path("direction").asText());
            assertEquals(0, new BigDecimal("50").compareTo(email.path("previousValue").decimalValue()));
            assertEquals("FLAT", email.path("direction").asText());
        }
    }

    @Test
    void aChangeWithinTheMinimumIntervalIsHeldBack() {
        // A window of its own (2–29 June), so that its events never mix with those the other test counts.
        given().auth().oauth2(Tokens.user("carol")).queryParam("asOf", "2098-06-29").post(RECOMPUTE)
                .then().statusCode(200).body("$", hasSize(2));
        post("/attribution/spend", lines(spend("search", "2098-06-12", "10", "EUR")));

        given().auth().oauth2(Tokens.user("carol")).queryParam("asOf", "2098-06-29").post(RECOMPUTE)
                .then().statusCode(200).body("$", hasSize(0));
        assertEquals(1, db.count("select count(*) from channel_performance_publication where channel = 'search'"
                + " and spend = 40 and roas = 2.5"));
    }

    @Test
    void theWindowCreditShowsSpendAndRoasPerChannel() {
        given().auth().oauth2(Tokens.user("sam"))
                .queryParam("from", "2098-06-01").queryParam("to", "2098-06-28").queryParam("currency", "EUR")
                .queryParam("model", "markov-1").queryParam("model", "first-touch")
                .get("/attribution/journeys/credit")
                .then().statusCode(200)
                .body("returns.channel", equalTo(List.of("email", "search")))
                .body("returns[0].spend", equalTo(25.0f))
                .body("returns[0].roas.markov-1", equalTo(2.0f))
                .body("returns[1].spend", equalTo(40.0f))
                .body("returns[1].roas.first-touch", equalTo(2.5f));
        given().auth().oauth2(Tokens.user("sam"))
                .queryParam("from", "2098-06-01").queryParam("to", "2098-06-28").queryParam("currency", "USD")
                .queryParam("model", "linear")
                .get("/attribution/journeys/credit")
                .then().statusCode(200)
                // No USD conversions: the touchpoints form null journeys, credited nothing.
                .body("returns.channel", equalTo(List.of("email", "search")))
                .body("returns[0].spend", nullValue())
                .body("returns[0].roas.linear", nullValue())
                .body("returns[1].spend", equalTo(999.0f))
                .body("returns[1].roas.linear", equalTo(0.0f));
    }

    @Test
    void onlyTheCoeMayTriggerARecompute() {
        given().auth().oauth2(Tokens.user("sam")).queryParam("asOf", AS_OF).post(RECOMPUTE)
                .then().statusCode(403);
    }
}
