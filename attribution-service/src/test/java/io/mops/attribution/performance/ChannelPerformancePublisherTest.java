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
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Performance published per ISO week from computed credit, end to end: touchpoints, conversions and spend imported
 * over REST, the publisher triggered over REST, the events read from the real topic, and every figure compared with
 * sums this test computes itself from the data it sent. The test owns the year 2098 of the test database; the
 * service runs with the models markov-1 and last-touch ({@code %test} profile).
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ChannelPerformancePublisherTest {

    private static final String RECOMPUTE = "/attribution/channel-performance/recompute";
    private static final List<String> CHANNELS = List.of("email", "search", "social");
    private static final List<String> MODELS = List.of("markov-1", "last-touch");
    /** Monday 1 September 2098 (ISO week 36): the first of four complete weeks of the simulation. */
    private static final LocalDate FIRST_MONDAY = LocalDate.parse("2098-09-01");
    private static final int WEEKS = 4;
    /** Sunday of the fourth week: the last day that counts as past for the recompute. */
    private static final LocalDate AS_OF = FIRST_MONDAY.plusWeeks(WEEKS).minusDays(1);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    private record Touch(String user, Instant at, String channel) {
    }

    private record Sale(String user, Instant at, BigDecimal value) {
    }

    private record Spend(String channel, LocalDate day, BigDecimal amount, String currency) {
    }

    private final List<Touch> touches = new ArrayList<>();
    private final List<Sale> sales = new ArrayList<>();
    private final List<Spend> spends = new ArrayList<>();

    private static byte[] lines(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static void post(String path, byte[] body) {
        given().auth().oauth2(Tokens.user("carol")).contentType("application/x-ndjson").body(body).post(path)
                .then().statusCode(200);
    }

    private static String touchpoint(Touch t) {
        return """
                {"eventId":"%s","userId":"%s","occurredAt":"%s","channel":"%s","interaction":"click"}"""
                .formatted(UUID.randomUUID(), t.user(), t.at(), t.channel());
    }

    private static String conversion(Sale s) {
        return """
                {"eventId":"%s","userId":"%s","occurredAt":"%s","value":%s,"currency":"EUR"}"""
                .formatted(UUID.randomUUID(), s.user(), s.at(), s.value().toPlainString());
    }

    private static String spend(Spend s) {
        return """
                {"eventId":"%s","campaignId":"%s","day":"%s","channel":"%s","amount":%s,"currency":"%s"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), s.day(), s.channel(), s.amount().toPlainString(),
                        s.currency());
    }

    private static BigDecimal money(Random random, int from, int to) {
        return BigDecimal.valueOf(from * 100L + random.nextInt((to - from) * 100)).movePointLeft(2);
    }

    /**
     * A seeded world over five weeks (the fifth is still running at {@link #AS_OF}): every channel spends every day,
     * in one or two reports, plus a USD report that must not count; 90 customers with one to three touchpoints on
     * random channels, about half of whom convert up to two days after their last touchpoint — often in the next
     * week. Two customers convert on either side of the midnight between the second and third week: one second
     * before it (Sunday, second week) and at it (Monday, third week).
     */
    @BeforeEach
    void theYear2098() {
        db.update("delete from touchpoint where occurred_at >= '2098-01-01' and occurred_at < '2099-01-01'");
        db.update("delete from conversion where occurred_at >= '2098-01-01' and occurred_at < '2099-01-01'");
        db.update("delete from channel_spend where day >= '2098-01-01' and day < '2099-01-01'");
        db.update("delete from channel_performance where period_start >= '2098-01-01' and period_start < '2099-01-01'");

        Random random = new Random(2098);
        Instant start = FIRST_MONDAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int day = 0; day < 7 * (WEEKS + 1); day++) {
            for (String channel : CHANNELS) {
                spends.add(new Spend(channel, FIRST_MONDAY.plusDays(day), money(random, 50, 150), "EUR"));
                if (random.nextInt(4) == 0) {
                    spends.add(new Spend(channel, FIRST_MONDAY.plusDays(day), money(random, 1, 20), "EUR"));
                }
            }
        }
        spends.add(new Spend("search", FIRST_MONDAY.plusDays(3), new BigDecimal("999"), "USD"));
        for (int u = 0; u < 90; u++) {
            String user = "sim-" + u;
            // Touchpoints from three days before the first week to the end of the fifth, seconds apart at least.
            Instant at = start.minus(Duration.ofDays(3)).plusSeconds(random.nextInt(7 * (WEEKS + 1) * 86_400));
            int touchpoints = 1 + random.nextInt(3);
            for (int i = 0; i < touchpoints; i++) {
                touches.add(new Touch(user, at, CHANNELS.get(random.nextInt(CHANNELS.size()))));
                at = at.plusSeconds(60 + random.nextInt(86_400));
            }
            if (random.nextBoolean()) {
                sales.add(new Sale(user, at.plusSeconds(random.nextInt(2 * 86_400)), money(random, 20, 200)));
            }
        }
        Instant midnight = FIRST_MONDAY.plusWeeks(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        touches.add(new Touch("sim-sunday", midnight.minus(Duration.ofHours(2)), "email"));
        sales.add(new Sale("sim-sunday", midnight.minusSeconds(1), new BigDecimal("41.50")));
        touches.add(new Touch("sim-monday", midnight.minus(Duration.ofHours(2)), "social"));
        sales.add(new Sale("sim-monday", midnight, new BigDecimal("58.25")));

        post("/attribution/touchpoints", lines(touches.stream().map(ChannelPerformancePublisherTest::touchpoint).toList()));
        post("/attribution/conversions", lines(sales.stream().map(ChannelPerformancePublisherTest::conversion).toList()));
        post("/attribution/spend", lines(spends.stream().map(ChannelPerformancePublisherTest::spend).toList()));
    }

    /** The ISO week a day falls in, by the calendar's own week fields (not by the code under test). */
    private static int isoWeek(LocalDate day) {
        return day.get(IsoFields.WEEK_BASED_YEAR) * 100 + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** Week number 0-3 of the simulation, or -1 outside the four complete weeks. */
    private static int weekOf(LocalDate day) {
        for (int w = 0; w < WEEKS; w++) {
            if (isoWeek(day) == isoWeek(FIRST_MONDAY.plusWeeks(w))) {
                return w;
            }
        }
        return -1;
    }

    /** What the reference says of a channel in a week. */
    private record Expected(BigDecimal conversions, BigDecimal value, BigDecimal spend) {
        Expected plus(BigDecimal c, BigDecimal v, BigDecimal s) {
            return new Expected(conversions.add(c), value.add(v), spend.add(s));
        }
    }

    private static final Expected NOTHING = new Expected(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /** Per week and channel: EUR spend on the week's days, and last-touch credit of the week's conversions. */
    private Map<Integer, Map<String, Expected>> lastTouchReference(List<Sale> conversions) {
        Map<Integer, Map<String, Expected>> weeks = new TreeMap<>();
        for (int w = 0; w < WEEKS; w++) {
            Map<String, Expected> channels = new TreeMap<>();
            CHANNELS.forEach(c -> channels.put(c, NOTHING));
            weeks.put(w, channels);
        }
        for (Spend s : spends) {
            int w = weekOf(s.day());
            if (w >= 0 && s.currency().equals("EUR")) {
                weeks.get(w).merge(s.channel(), NOTHING.plus(BigDecimal.ZERO, BigDecimal.ZERO, s.amount()),
                        (a, b) -> a.plus(b.conversions(), b.value(), b.spend()));
            }
        }
        for (Sale sale : conversions) {
            int w = weekOf(sale.at().atZone(ZoneOffset.UTC).toLocalDate());
            // Each customer converts once, so the journey is every earlier touchpoint within the 30-day lookback.
            touches.stream()
                    .filter(t -> t.user().equals(sale.user()) && t.at().isBefore(sale.at())
                            && !t.at().isBefore(sale.at().minus(Duration.ofDays(30))))
                    .max((a, b) -> a.at().compareTo(b.at()))
                    .filter(last -> w >= 0)
                    .ifPresent(last -> weeks.get(w).merge(last.channel(),
                            NOTHING.plus(BigDecimal.ONE, sale.value(), BigDecimal.ZERO),
                            (a, b) -> a.plus(b.conversions(), b.value(), b.spend())));
        }
        return weeks;
    }

    /** Per week: the total value of the conversions that have a touchpoint before them, which any model splits. */
    private Map<Integer, BigDecimal> attributedValue(List<Sale> conversions) {
        Map<Integer, BigDecimal> totals = new HashMap<>();
        for (Sale sale : conversions) {
            int w = weekOf(sale.at().atZone(ZoneOffset.UTC).toLocalDate());
            boolean attributed = touches.stream().anyMatch(t -> t.user().equals(sale.user())
                    && t.at().isBefore(sale.at()));
            if (w >= 0 && attributed) {
                totals.merge(w, sale.value(), BigDecimal::add);
            }
        }
        return totals;
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ofTheSimulation(ConsumerRecord<String, String> record) {
        JsonNode event = read(record);
        if (!"ChannelPerformanceUpdated".equals(event.path("type").asText())) {
            return false;
        }
        LocalDate start = LocalDate.parse(event.path("data").path("periodStart").asText("1970-01-01"));
        return !start.isBefore(FIRST_MONDAY) && start.isBefore(FIRST_MONDAY.plusWeeks(WEEKS + 2));
    }

    private static JsonPath recompute() {
        return given().auth().oauth2(Tokens.user("carol")).queryParam("from", FIRST_MONDAY.toString())
                .queryParam("asOf", AS_OF.toString()).post(RECOMPUTE)
                .then().statusCode(200).extract().jsonPath();
    }

    private static void assertAmount(BigDecimal expected, JsonNode actual, String what) {
        assertEquals(0, expected.compareTo(actual.decimalValue()), what + ": expected " + expected + ", was " + actual);
    }

    @Test
    void eachCompleteWeekIsPublishedOncePerChannelAndModelWithTheSumsOfItsOwnDays() {
        Map<Integer, Map<String, Expected>> lastTouch = lastTouchReference(sales);
        Map<Integer, BigDecimal> attributed = attributedValue(sales);
        try (TopicTap tap = TopicTap.open(Topics.CHANNEL_PERFORMANCE)) {
            List<String> published = recompute().getList("eventId");
            assertEquals(WEEKS * CHANNELS.size() * MODELS.size(), published.size());

            // Events of an earlier test's run may still be on their way through the outbox: only this run's count.
            List<JsonNode> events = tap.collect(ChannelPerformancePublisherTest::ofTheSimulation, Duration.ofSeconds(5))
                    .stream().map(r -> read(r)).filter(e -> published.contains(e.path("id").asText())).toList();
            assertEquals(published.size(), events.size(), "every publication reaches the topic once");
            Map<String, List<JsonNode>> byKey = events.stream().collect(Collectors.groupingBy(e ->
                    e.at("/data/channel").asText() + " " + e.at("/data/model").asText() + " "
                            + e.at("/data/periodStart").asText()));
            // One event per channel, model and complete week; none for the fifth week, which is still running.
            assertEquals(WEEKS * CHANNELS.size() * MODELS.size(), byKey.size(), byKey.keySet().toString());
            byKey.forEach((key, list) -> assertEquals(1, list.size(), key));

            for (int w = 0; w < WEEKS; w++) {
                LocalDate monday = FIRST_MONDAY.plusWeeks(w);
                BigDecimal markovValue = BigDecimal.ZERO;
                for (String channel : CHANNELS) {
                    Expected expected = lastTouch.get(w).get(channel);
                    JsonNode envelope = byKey.get(channel + " last-touch " + monday).getFirst();
                    JsonNode data = envelope.path("data");
                    assertEquals(2, envelope.path("version").asInt());
                    assertEquals("channel:" + channel, envelope.path("subject").asText());
                    assertEquals("WEEK", data.path("periodKind").asText());
                    assertEquals(monday.plusDays(6).toString(), data.path("periodEnd").asText());
                    assertEquals(DayOfWeek.SUNDAY, LocalDate.parse(data.path("periodEnd").asText()).getDayOfWeek());
                    assertEquals("UTC", data.path("zone").asText());
                    assertEquals(1, data.path("revision").asInt());
                    assertEquals("EUR", data.path("currency").asText());
                    String what = channel + " week " + monday;
                    assertAmount(expected.spend(), data.path("spend"), what + " spend");
                    assertAmount(expected.value(), data.path("creditedValue"), what + " last-touch value");
                    assertAmount(expected.conversions(), data.path("creditedConversions"), what + " conversions");
                    assertAmount(expected.value().divide(expected.spend(), 4, RoundingMode.HALF_EVEN),
                            data.path("roas"), what + " roas");

                    JsonNode markov = byKey.get(channel + " markov-1 " + monday).getFirst().path("data");
                    assertAmount(expected.spend(), markov.path("spend"), what + " spend under markov-1");
                    markovValue = markovValue.add(markov.path("creditedValue").decimalValue());
                }
                // Markov credit is checked where the models are (MarkovRemovalEffectTest); here, that the week's
                // conversions — and only they — are split: the channels' credit adds up to their value.
                BigDecimal weekValue = attributed.getOrDefault(w, BigDecimal.ZERO);
                assertEquals(0, weekValue.compareTo(markovValue),
                        "markov-1 credit of week " + monday + ": " + markovValue + ", its conversions " + weekValue);
            }
            // An immediate rerun finds nothing new.
            given().auth().oauth2(Tokens.user("carol")).queryParam("from", FIRST_MONDAY.toString())
                    .queryParam("asOf", AS_OF.toString()).post(RECOMPUTE)
                    .then().statusCode(200).body("$", hasSize(0));
        }
    }

    @Test
    void aLateConversionRevisesItsWeekOnceTheMinimumIntervalHasPassed() {
        recompute();
        // A customer who clicked email on the Wednesday of the second week and bought on Thursday, reported now.
        LocalDate wednesday = FIRST_MONDAY.plusWeeks(1).plusDays(2);
        Touch click = new Touch("sim-late", wednesday.atTime(10, 0).toInstant(ZoneOffset.UTC), "email");
        Sale late = new Sale("sim-late", wednesday.plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC),
                new BigDecimal("77.70"));
        touches.add(click);
        post("/attribution/touchpoints", lines(List.of(touchpoint(click))));
        post("/attribution/conversions", lines(List.of(conversion(late))));
        List<Sale> withLate = new ArrayList<>(sales);
        withLate.add(late);
        Expected email = lastTouchReference(withLate).get(1).get("email");
        BigDecimal weekValue = attributedValue(withLate).get(1);

        try (TopicTap tap = TopicTap.open(Topics.CHANNEL_PERFORMANCE)) {
            // Within the minimum interval (six hours) since the week was published, the change waits.
            assertEquals(0, recompute().getList("$").size());
            // Six hours and more have passed for this year's publications.
            db.update("update channel_performance set recorded_at = recorded_at - interval '7 hours' "
                    + "where period_start >= '2098-01-01' and period_start < '2099-01-01'");
            JsonPath revised = recompute();

            assertTrue(revised.getList("$").size() >= 2, revised.prettify());
            assertEquals(List.of(FIRST_MONDAY.plusWeeks(1).toString()), revised.getList("periodStart").stream()
                    .distinct().toList(), "only the second week changed");
            assertEquals(List.of(2), revised.getList("revision").stream().distinct().toList());
            // The first run's events may still be on their way through the outbox: only the revisions are compared.
            List<String> revisionIds = revised.getList("eventId");
            List<JsonNode> events = tap.collect(ChannelPerformancePublisherTest::ofTheSimulation, Duration.ofSeconds(5))
                    .stream().map(r -> read(r)).filter(e -> revisionIds.contains(e.path("id").asText()))
                    .map(e -> e.path("data")).toList();
            assertEquals(revisionIds.size(), events.size());
            assertTrue(events.stream().allMatch(e -> e.path("revision").asInt() == 2));
            JsonNode lastTouchEmail = events.stream().filter(e -> e.path("channel").asText().equals("email")
                    && e.path("model").asText().equals("last-touch")).findFirst().orElseThrow();
            assertEquals(2, lastTouchEmail.path("revision").asInt());
            assertAmount(email.value(), lastTouchEmail.path("creditedValue"), "revised last-touch value of email");
            assertAmount(email.conversions(), lastTouchEmail.path("creditedConversions"), "revised conversions");
        }
        // Under markov-1, the latest revisions of the week's channels split the week's value, the late sale included.
        BigDecimal markov = BigDecimal.ZERO;
        for (String channel : CHANNELS) {
            JsonPath latest = given().auth().oauth2(Tokens.user("carol")).queryParam("channel", channel)
                    .queryParam("model", "markov-1").queryParam("limit", 500)
                    .get("/attribution/channel-performance").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> ofWeek = latest.<Map<String, Object>>getList("$").stream()
                    .filter(p -> FIRST_MONDAY.plusWeeks(1).toString().equals(p.get("periodStart"))).toList();
            Map<String, Object> newest = ofWeek.getFirst();
            assertEquals(ofWeek.stream().mapToInt(p -> (Integer) p.get("revision")).max().orElseThrow(),
                    newest.get("revision"), "newest first");
            markov = markov.add(new BigDecimal(newest.get("creditedValue").toString()));
        }
        assertEquals(0, weekValue.compareTo(markov), "markov-1 credit of the revised week: " + markov);
    }

    @Test
    void aRecomputeThatStartsAfterItsEndIsRefusedNamingFrom() {
        given().auth().oauth2(Tokens.user("carol")).queryParam("from", "2098-10-06").queryParam("asOf", "2098-10-05")
                .post(RECOMPUTE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void theWindowCreditShowsSpendAndRoasPerChannel() {
        // June 2098, apart from the simulation: u-a clicked search and converted for 100, u-b clicked email and
        // converted for 50; spend in the window search 40 EUR, email 25 EUR, so ROAS 2.5 and 2.0 under markov-1
        // and first touch alike; spend before the window and in USD does not count.
        post("/attribution/touchpoints", lines(List.of(
                touchpoint(new Touch("u-a", Instant.parse("2098-06-10T10:00:00Z"), "search")),
                touchpoint(new Touch("u-b", Instant.parse("2098-06-11T10:00:00Z"), "email")))));
        post("/attribution/conversions", lines(List.of(
                conversion(new Sale("u-a", Instant.parse("2098-06-10T12:00:00Z"), new BigDecimal("100"))),
                conversion(new Sale("u-b", Instant.parse("2098-06-11T12:00:00Z"), new BigDecimal("50"))))));
        post("/attribution/spend", lines(List.of(
                spend(new Spend("search", LocalDate.parse("2098-06-10"), new BigDecimal("40"), "EUR")),
                spend(new Spend("email", LocalDate.parse("2098-06-11"), new BigDecimal("25"), "EUR")),
                spend(new Spend("search", LocalDate.parse("2098-05-20"), new BigDecimal("1000"), "EUR")),
                spend(new Spend("search", LocalDate.parse("2098-06-12"), new BigDecimal("999"), "USD")))));

        given().auth().oauth2(Tokens.user("carol"))
                .queryParam("from", "2098-06-01").queryParam("to", "2098-06-28").queryParam("currency", "EUR")
                .queryParam("model", "markov-1").queryParam("model", "first-touch")
                .get("/attribution/journeys/credit")
                .then().statusCode(200)
                .body("returns.channel", equalTo(List.of("email", "search")))
                .body("returns[0].spend", equalTo(25.0f))
                .body("returns[0].roas.markov-1", equalTo(2.0f))
                .body("returns[1].spend", equalTo(40.0f))
                .body("returns[1].roas.first-touch", equalTo(2.5f));
        given().auth().oauth2(Tokens.user("carol"))
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
        given().auth().oauth2(Tokens.user("sam")).queryParam("asOf", AS_OF.toString()).post(RECOMPUTE)
                .then().statusCode(403);
    }
}
