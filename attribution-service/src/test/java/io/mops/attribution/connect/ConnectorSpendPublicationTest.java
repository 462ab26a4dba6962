package io.mops.attribution.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.mops.attribution.connect.ConnectorImportResourceTest.COST;
import static io.mops.attribution.connect.ConnectorImportResourceTest.sample;
import static io.mops.attribution.mapping.ChannelMappingResourceTest.setRules;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A cost report's spend reaches budget-service: each newly stored line booked to a budget campaign is published on
 * {@code mops.ingest.spend} through the outbox, in the import's transaction. The sample file's campaign names get a
 * suffix of this run, so that the event ids (derived from platform, campaign and day) are this test's own.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ConnectorSpendPublicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final TestDatabase db = TestDatabase.named("mops_attribution_test");

    /** The event id the docs define: UUID v3 of {@code cost|<platform>|<campaign name>|<day>}. */
    private static UUID eventId(String campaign, String day) {
        return UUID.nameUUIDFromBytes(("mops-connector|cost|google-ads|" + campaign + "|" + day)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode envelope(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEvent(ConsumerRecord<String, String> record, Set<UUID> ids) {
        return ids.contains(UUID.fromString(envelope(record).path("id").asText()));
    }

    private static void assertSpend(JsonNode envelope, UUID campaign, String day, String amount) {
        assertEquals("CampaignSpendReported", envelope.path("type").asText());
        assertEquals(1, envelope.path("version").asInt());
        assertEquals("campaign:" + campaign, envelope.path("subject").asText());
        JsonNode data = envelope.path("data");
        assertEquals(campaign.toString(), data.path("campaignId").asText());
        assertEquals(day, data.path("day").asText());
        assertEquals(0, new BigDecimal(amount).compareTo(data.path("amount").decimalValue()),
                () -> "amount of " + day + ": " + data.path("amount"));
        assertEquals("EUR", data.path("currency").asText());
        assertEquals("search", data.path("channel").asText());
    }

    @Test
    void bookedSpendIsPublishedOnceForBudgetServiceAndAReimportPublishesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String brandName = "Brand | EU " + tag;
        String genericName = "Generic, running shoes " + tag;
        byte[] report = new String(sample("google-ads-campaigns.csv"), StandardCharsets.UTF_8)
                .replace("Brand | EU", brandName).replace("Generic, running shoes", genericName)
                .getBytes(StandardCharsets.UTF_8);
        UUID brand = UUID.randomUUID();
        setRules(List.of(
                Map.of("source", "google", "medium", "cpc", "campaign", brandName, "channel", "search",
                        "budgetCampaignId", brand),
                Map.of("source", "google", "medium", "cpc", "campaign", genericName, "channel", "search")));
        UUID brand20 = eventId(brandName, "2026-11-20");
        UUID brand21 = eventId(brandName, "2026-11-21");
        UUID generic20 = eventId(genericName, "2026-11-20");
        UUID generic21 = eventId(genericName, "2026-11-21");
        Set<UUID> all = Set.of(brand20, brand21, generic20, generic21);

        try (TopicTap spend = TopicTap.open(Topics.INGEST_SPEND)) {
            given().auth().oauth2(Tokens.user("carol"))
                    .contentType("text/csv").queryParam("platform", "google-ads").body(report)
                    .post(COST)
                    .then().statusCode(200)
                    .body("received", equalTo(4)).body("stored", equalTo(4)).body("published", equalTo(2));

            // From the file: Brand | EU cost 1,234.56 on 2026-11-20 and 1,002.00 on 2026-11-21, in EUR.
            assertSpend(envelope(spend.await(r -> isEvent(r, Set.of(brand20)), WAIT)), brand, "2026-11-20", "1234.56");
            assertSpend(envelope(spend.await(r -> isEvent(r, Set.of(brand21)), WAIT)), brand, "2026-11-21", "1002.00");

            given().auth().oauth2(Tokens.user("carol"))
                    .contentType("text/csv").queryParam("platform", "google-ads").body(report)
                    .post(COST)
                    .then().statusCode(200)
                    .body("stored", equalTo(0)).body("duplicates", equalTo(4)).body("published", equalTo(0));

            // Generic has no budget campaign: stored for ROAS (987.10 and "--" = 0), never published.
            List<UUID> published = spend.collect(r -> isEvent(r, all), Duration.ofSeconds(5)).stream()
                    .map(r -> UUID.fromString(envelope(r).path("id").asText())).toList();
            assertEquals(2, published.size(), () -> "published: " + published);
            assertEquals(Set.of(brand20, brand21), Set.copyOf(published));
        }
        assertEquals(List.of("987.1000", "0.0000"), db.strings(
                "select amount::text from channel_spend where event_id in (?, ?) order by day", generic20, generic21));
        assertEquals(1, db.count("select count(*) from outbox_event where id = ?", brand20));
    }

    @Test
    void aRefusedReportPublishesNothing() {
        String campaign = "Brand refused " + UUID.randomUUID();
        UUID budgetCampaign = UUID.randomUUID();
        setRules(List.of(Map.of("source", "google", "medium", "cpc", "channel", "search",
                "budgetCampaignId", budgetCampaign)));
        byte[] report = """
                Day,Campaign,Currency code,Cost
                2026-11-20,%1$s,EUR,"1,000.00"
                2026-11-21,%1$s,EUR,lots
                """.formatted(campaign).getBytes(StandardCharsets.UTF_8);
        UUID good = eventId(campaign, "2026-11-20");

        try (TopicTap spend = TopicTap.open(Topics.INGEST_SPEND)) {
            given().auth().oauth2(Tokens.user("carol"))
                    .contentType("text/csv").queryParam("platform", "google-ads").body(report)
                    .post(COST)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem("line 3"));

            assertEquals(List.of(), spend.collect(r -> isEvent(r, Set.of(good)), Duration.ofSeconds(5)));
        }
        assertEquals(0, db.count("select count(*) from outbox_event where id = ?", good));
        assertEquals(0, db.count("select count(*) from channel_spend where event_id = ?", good));
    }
}
