package io.mops.budget.budgets;

import io.mops.common.events.CampaignSpendReported;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.TopicTap;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.mops.budget.budgets.Budgets.createCampaign;
import static io.mops.budget.budgets.Budgets.createPlan;
import static io.mops.budget.budgets.Budgets.december;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spend from the channel integrations over the real Kafka, into the real database. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class SpendListenerTest {

    static final String SEARCH = Tokens.serviceAccount("channel-search");

    private final TestDatabase db = TestDatabase.named("mops_budget_test");
    private String campaign;

    @BeforeEach
    void campaignWithABudgetOf100() {
        String plan = createPlan(december("10000", Map.of("search", "4000")));
        campaign = createCampaign(plan, SEARCH, "search", "100");
    }

    static String spend(UUID id, String campaign, String amount, String currency) {
        return """
                {"id":"%s","type":"CampaignSpendReported","version":1,"source":"search-integration",
                 "time":"2026-12-05T06:00:00Z","subject":"campaign:%s",
                 "data":{"campaignId":"%s","day":"2026-12-04","amount":%s,"currency":"%s"}}
                """.formatted(id, campaign, campaign, amount, currency);
    }

    private long entries(String campaign) {
        return db.count("select count(*) from spend_entry where campaign_id = ?", UUID.fromString(campaign));
    }

    @Test
    void spendPastTheCapFromKafkaStopsTheCampaignAndAnnouncesIt() {
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            TestProducer.send(CampaignSpendReported.TOPIC, "campaign:" + campaign,
                    spend(UUID.randomUUID(), campaign, "120.00", "EUR"));
            events.await(r -> ("campaign:" + campaign).equals(r.key()) && r.value().contains("\"BudgetExhausted\""),
                    Duration.ofSeconds(60));
        }
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + campaign)
                .then().statusCode(200).body("status", equalTo("STOPPED")).body("spent", equalTo(120.0f));
    }

    @Test
    void redeliveredSpendCountsOnce() {
        UUID id = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        TestProducer.send(CampaignSpendReported.TOPIC, "campaign:" + campaign, spend(id, campaign, "10", "EUR"));
        TestProducer.send(CampaignSpendReported.TOPIC, "campaign:" + campaign, spend(id, campaign, "10", "EUR"));
        TestProducer.send(CampaignSpendReported.TOPIC, "campaign:" + campaign, spend(marker, campaign, "1", "EUR"));

        await().atMost(Duration.ofSeconds(60)).until(() -> entries(campaign) == 2);
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + campaign).then().body("spent", equalTo(11.0f));
    }

    @Test
    void spendForAnUnknownCampaignIsDeadLetteredWithTheReason() {
        String unknown = UUID.randomUUID().toString();
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(CampaignSpendReported.TOPIC, "campaign:" + unknown,
                    spend(UUID.randomUUID(), unknown, "10", "EUR"));
            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(unknown), Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("no campaign"), reason);
        }
    }

    @Test
    void spendInAnotherCurrencyIsDeadLetteredAndNothingIsRecorded() {
        UUID id = UUID.randomUUID();
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(CampaignSpendReported.TOPIC, "campaign:" + campaign, spend(id, campaign, "10", "USD"));
            // A locally running budget-service (another consumer group, another database) may dead-letter the same
            // record for its own reason; this test's consumer is the one that knows the campaign.
            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(id.toString())
                    && reasonOf(r).contains("currency"), Duration.ofSeconds(60));
            assertTrue(reasonOf(dead).contains("USD"), reasonOf(dead));
        }
        assertEquals(0, entries(campaign));
    }

    private static String reasonOf(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
