package io.mops.budget.budgets;

import io.mops.budget.DeadLetterCount;
import io.mops.common.events.CampaignSpendReported;
import io.mops.common.events.EventCodec;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.ServiceMetrics;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.TopicTap;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.UUID;
import java.util.stream.Stream;

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

    @Inject
    SpendLedger ledger;
    @Inject
    EventCodec codec;
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
        double deadBefore = DeadLetterCount.of(CampaignSpendReported.TOPIC);
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(CampaignSpendReported.TOPIC, "campaign:" + unknown,
                    spend(UUID.randomUUID(), unknown, "10", "EUR"));
            ConsumerRecord<String, String> dead = dlq.await(r -> r.value().contains(unknown), Duration.ofSeconds(60));
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.contains("no campaign"), reason);
            // A batch consumer's own dead letters are counted as the connector's are.
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    DeadLetterCount.of(CampaignSpendReported.TOPIC) >= deadBefore + 1);
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

    @Test
    void aRedeliveredPollHasNoSecondEffect() throws Throwable {
        List<SpendLedger.Reported<String>> poll = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String payload = spend(UUID.randomUUID(), campaign, "4", "EUR");
            poll.add(new SpendLedger.Reported<>(payload, codec.read(payload, CampaignSpendReported.TYPE)));
        }

        VertxContextSupport.subscribeAndAwait(() -> ledger.recordOnce(SpendListener.CONSUMER, poll));
        var again = VertxContextSupport.subscribeAndAwait(() -> ledger.recordOnce(SpendListener.CONSUMER, poll));

        assertEquals(List.of(), again);
        assertEquals(3, entries(campaign));
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + campaign).then().body("spent", equalTo(12.0f));
    }

    @Test
    void aPollWithPoisonInItStillRecordsItsGoodReportsAndDeadLettersEachBadOneWithItsReason() {
        String unknown = UUID.randomUUID().toString();
        UUID malformed = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String key = "campaign:" + campaign;
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            // One key, one partition: sent back to back they are likely polled together, and must not share a fate.
            TestProducer.send(CampaignSpendReported.TOPIC, key, spend(good, campaign, "7", "EUR"));
            TestProducer.send(CampaignSpendReported.TOPIC, key, spend(malformed, campaign, "-3", "EUR"));
            TestProducer.send(CampaignSpendReported.TOPIC, key, spend(UUID.randomUUID(), unknown, "5", "EUR"));
            TestProducer.send(CampaignSpendReported.TOPIC, key, spend(foreign, campaign, "5", "JPY"));
            TestProducer.send(CampaignSpendReported.TOPIC, key, spend(last, campaign, "2", "EUR"));

            await().atMost(Duration.ofSeconds(60)).until(() -> entries(campaign) == 2);
            assertTrue(reasonOf(dlq.await(r -> r.value().contains(malformed.toString()), Duration.ofSeconds(60)))
                    .contains("amount"));
            assertTrue(reasonOf(dlq.await(r -> r.value().contains(unknown), Duration.ofSeconds(60)))
                    .contains("no campaign " + unknown));
            assertTrue(reasonOf(dlq.await(r -> r.value().contains(foreign.toString())
                    && reasonOf(r).contains("currency"), Duration.ofSeconds(60))).contains("JPY"));
            // A locally running budget-service does not know this test's campaign and may say so; this one may not
            // dead-letter the good reports for any reason.
            assertEquals(List.of(), dlq.collect(r -> (r.value().contains(good.toString())
                    || r.value().contains(last.toString())) && !reasonOf(r).startsWith("no campaign " + campaign),
                    Duration.ofSeconds(2)));
        }
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + campaign).then().body("spent", equalTo(9.0f));
    }

    /**
     * A report the database refuses although validation let it through (a check constraint the test adds for one
     * amount on its own campaign, standing for any refusal validation did not foresee) costs only itself: the poll is
     * halved until it stands alone, the good reports beside it are recorded.
     */
    @Test
    void aReportTheDatabaseRefusesCostsOnlyItself() {
        String constraint = "test_refuses_" + campaign.substring(0, 8);
        db.update("alter table spend_entry add constraint " + constraint
                + " check (campaign_id <> '" + campaign + "' or amount <> 3.33) not valid");
        UUID refused = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String key = "campaign:" + campaign;
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            TestProducer.send(CampaignSpendReported.TOPIC, key, spend(good, campaign, "7", "EUR"));
            TestProducer.send(CampaignSpendReported.TOPIC, key, spend(refused, campaign, "3.33", "EUR"));
            TestProducer.send(CampaignSpendReported.TOPIC, key, spend(last, campaign, "2", "EUR"));

            await().atMost(Duration.ofSeconds(60)).until(() -> entries(campaign) == 2);
            String reason = reasonOf(dlq.await(r -> r.value().contains(refused.toString())
                    && reasonOf(r).contains(constraint), Duration.ofSeconds(60)));
            assertTrue(reason.contains("23514"), reason);
            assertEquals(List.of(), dlq.collect(r -> (r.value().contains(good.toString())
                    || r.value().contains(last.toString())) && !reasonOf(r).startsWith("no campaign " + campaign),
                    Duration.ofSeconds(2)));
        } finally {
            db.update("alter table spend_entry drop constraint " + constraint);
        }
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + campaign).then().body("spent", equalTo(9.0f));
    }

    @Test
    void severalReportsCrossingTheCapAnnounceItOnceAndFlagOnlyTheSpendPastIt() {
        String key = "campaign:" + campaign;
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            for (int i = 0; i < 5; i++) {
                TestProducer.send(CampaignSpendReported.TOPIC, key, spend(UUID.randomUUID(), campaign, "30", "EUR"));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> entries(campaign) == 5);
            assertEquals(1, events.collect(r -> key.equals(r.key()) && r.value().contains("\"BudgetExhausted\""),
                    Duration.ofSeconds(5)).size());
        }
        assertEquals(2, db.count("select count(*) from spend_entry where campaign_id = ? and over_cap",
                UUID.fromString(campaign)));
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + campaign)
                .then().body("status", equalTo("STOPPED")).body("spent", equalTo(150.0f));
    }

    @Test
    void spendFromKafkaAndRestOnTheSameCampaignAtOnceIsNeverLost() throws Exception {
        String big = createCampaign(createPlan(december("100000", Map.of("search", "50000"))), SEARCH, "search",
                "40000");
        String key = "campaign:" + big;
        ExecutorService rest = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                posted.add(rest.submit(() -> postUntilAccepted(big, "1.00")));
            }
            for (int i = 0; i < 300; i++) {
                TestProducer.send(CampaignSpendReported.TOPIC, key, spend(UUID.randomUUID(), big, "0.10", "EUR"));
            }
            for (Future<?> f : posted) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            rest.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> entries(big) == 320);
        // 20 × 1.00 by REST and 300 × 0.10 from Kafka.
        given().auth().oauth2(SEARCH).get("/budget/campaigns/" + big).then().body("spent", equalTo(50.0f));
    }

    /** A racing spend is answered 409 ("send it again"), as a client would. */
    private static void postUntilAccepted(String campaign, String amount) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int status = given().auth().oauth2(SEARCH).contentType("application/json")
                    .body(Map.of("day", "2026-12-04", "amount", amount, "currency", "EUR"))
                    .post("/budget/campaigns/" + campaign + "/spend").then().extract().statusCode();
            if (status == 200 || status == 201) {
                return;
            }
            assertEquals(409, status);
        }
        throw new AssertionError("spend was refused 50 times in a row");
    }

    private static String reasonOf(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("dead-letter-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * PostgreSQL away for a few seconds (this test database only: connections refused and cut) while spend reports
     * arrive: the consumer retries the poll until the database is back, so every report counts exactly once, none is
     * dead-lettered, and the service is ready afterwards.
     */
    @Test
    void spendArrivingWhileTheDatabaseIsAwayCountsOnceAndNoneIsDeadLettered() throws InterruptedException {
        List<UUID> ids = Stream.generate(UUID::randomUUID).limit(30).toList();
        List<Map.Entry<String, String>> reports = ids.stream()
                .map(id -> Map.entry("campaign:" + campaign, spend(id, campaign, "0.10", "EUR")))
                .toList();
        double retriedBefore = ServiceMetrics.sample("mops_consumer_database_outage_retries_total");
        try (TopicTap dlq = TopicTap.open(Topics.DEAD_LETTER)) {
            try (TestDatabase.Outage outage = db.takeAway()) {
                TestProducer.sendAll(CampaignSpendReported.TOPIC, reports.subList(0, 15));
                Thread.sleep(3_000);
                TestProducer.sendAll(CampaignSpendReported.TOPIC, reports.subList(15, 30));
                Thread.sleep(3_000);
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> entries(campaign) == 30);
            // 30 reports of 0.10 EUR: 3.00 EUR, each counted once.
            given().auth().oauth2(SEARCH).get("/budget/campaigns/" + campaign).then().body("spent", equalTo(3.0f));
            assertEquals(List.of(), dlq.collect(r -> ids.stream().anyMatch(id -> r.value().contains(id.toString())),
                    Duration.ofSeconds(3)));
        }
        assertTrue(ServiceMetrics.sample("mops_consumer_database_outage_retries_total") > retriedBefore,
                "the consumer met the outage and retried");
        // Ready again by itself: no restart, no person.
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
