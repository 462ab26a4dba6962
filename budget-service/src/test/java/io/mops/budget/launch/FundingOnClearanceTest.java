package io.mops.budget.launch;

import io.mops.common.events.Topics;
import io.mops.testsupport.ClearanceEvents;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Funding on clearance (issue 15: "budget-service funds a campaign only once it is cleared"), with
 * {@code mops.budget.launch-control=ENFORCE}: a campaign created with a planned budget holds it of its channel but
 * spends nothing until qa-service's {@code CampaignCleared} (sent here as qa-service writes it, over the real Kafka)
 * releases it, once; a clearance that a newer run of changed content revoked releases nothing until QA clears the
 * campaign again. Each test has a plan, a channel and QA campaign keys of its own.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@TestProfile(LaunchControlTest.Enforced.class)
class FundingOnClearanceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CAROL = Tokens.user("carol");

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    private static RunningPlan runningPlan() {
        return RunningPlan.create("fund");
    }

    private static io.restassured.response.ValidatableResponse create(RunningPlan setup, String key, String amount,
                                                                      String planned) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("channel", setup.channel());
        draft.put("name", "Campaign " + key);
        draft.put("amount", amount);
        draft.put("campaignKey", key);
        draft.put("plannedAmount", planned);
        return given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(draft)
                .post("/budget/plans/" + setup.planId() + "/campaigns").then();
    }

    private static JsonPath campaign(String id) {
        return given().auth().oauth2(CAROL).get("/budget/campaigns/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private static float uncommitted(RunningPlan setup) {
        return given().auth().oauth2(CAROL).get("/budget/plans/" + setup.planId()).then().statusCode(200).extract()
                .jsonPath().getFloat("channels.find { it.channel == '" + setup.channel() + "' }.uncommitted");
    }

    private static String cleared(UUID eventId, Instant time, String key, UUID runId) {
        return ClearanceEvents.cleared(eventId, time, key, null, runId, null);
    }

    private static String revoked(Instant time, String key, UUID clearedBy, UUID runId) {
        return ClearanceEvents.revoked(time, key, null, clearedBy, runId, "needs-approval",
                "QA run " + runId + " of the campaign's changed content waits for a person");
    }

    /** All on one Kafka key (one partition): once the marker's clearance is stored, every event before it was read. */
    private void sendThenMarker(String kafkaKey, String... events) {
        for (String event : events) {
            TestProducer.send(Topics.QA_EVENTS, kafkaKey, event);
        }
        String marker = "marker-" + UUID.randomUUID().toString().substring(0, 8);
        TestProducer.send(Topics.QA_EVENTS, kafkaKey, cleared(UUID.randomUUID(), Instant.now(), marker,
                UUID.randomUUID()));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from campaign_clearance where campaign_id = ?",
                marker) == 1);
    }

    private static boolean fundedEvent(ConsumerRecord<String, String> r, String campaign) {
        return ("campaign:" + campaign).equals(r.key()) && r.value().contains("\"CampaignFunded\"");
    }

    private static JsonPath data(ConsumerRecord<String, String> r) {
        return new JsonPath(r.value()).setRootPath("data");
    }

    private static boolean defundedEvent(ConsumerRecord<String, String> r, String campaign) {
        return ("campaign:" + campaign).equals(r.key()) && r.value().contains("\"CampaignDefunded\"");
    }

    private static io.restassured.response.ValidatableResponse changePlan(String token, String id, Object planned) {
        Map<String, Object> body = new HashMap<>();
        if (planned != null) {
            body.put("plannedAmount", planned);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/budget/campaigns/" + id + "/planned-amount").then();
    }

    private static void spend(String id, String amount) {
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("day", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "amount", amount,
                        "currency", "EUR"))
                .post("/budget/campaigns/" + id + "/spend").then().statusCode(201);
    }

    @Test
    void aPlannedBudgetIsHeldUntilQaClearsTheCampaignAndThenReleasedOnceEvenIfTheClearanceComesTwice() {
        RunningPlan setup = runningPlan();
        String key = "fund-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(setup, key, "0", "1500").statusCode(201)
                .body("amount", equalTo(0.0f)).body("plannedAmount", equalTo(1500.0f)).extract().path("id");
        // Held of the channel's 5,000, not spendable: 3,500 left for the channel's other campaigns.
        assertEquals(3500.0f, uncommitted(setup), 0.001);
        create(setup, key + "-other", "0", "3600").statusCode(400);
        JsonPath waiting = campaign(id);
        assertEquals("NOT_CLEARED", waiting.getString("launch.state"));
        assertEquals(false, waiting.getBoolean("launch.funded"));
        assertEquals(1500.0f, waiting.getFloat("launch.plannedAmount"), 0.001);

        UUID event = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        String clearance = cleared(event, Instant.now(), key, run);
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            sendThenMarker("campaign:" + key, clearance, clearance);
            ConsumerRecord<String, String> funded = events.await(r -> fundedEvent(r, id), PATIENCE);
            assertTrue(funded.value().contains("\"qaRunId\":\"" + run + "\""), funded.value());
            assertTrue(funded.value().contains("\"campaignKey\":\"" + key + "\""), funded.value());
            assertTrue(funded.value().contains("\"currency\":\"EUR\""), funded.value());
            List<ConsumerRecord<String, String>> all = events.collect(r -> fundedEvent(r, id), Duration.ofSeconds(5));
            assertEquals(1, all.size(), "the clearance delivered twice funds the campaign once");
        }
        JsonPath view = campaign(id);
        assertEquals(1500.0f, view.getFloat("amount"), 0.001);
        assertEquals(1500.0f, view.getFloat("remaining"), 0.001);
        assertEquals("ACTIVE", view.getString("status"));
        assertEquals(null, view.getString("plannedAmount"));
        assertEquals("CLEARED", view.getString("launch.state"));
        assertEquals(true, view.getBoolean("launch.funded"));
        assertEquals(run.toString(), view.getString("launch.fundedByRun"));
        assertEquals(3500.0f, uncommitted(setup), 0.001);
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", event));
    }

    @Test
    void aCampaignWhoseContentChangedAfterItsClearanceIsFundedOnlyOnceQaClearsItAgain() {
        RunningPlan setup = runningPlan();
        String key = "fund-" + UUID.randomUUID().toString().substring(0, 8);
        UUID firstRun = UUID.randomUUID();
        UUID firstEvent = UUID.randomUUID();
        Instant clearedAt = Instant.now().minusSeconds(600);
        String firstClearance = cleared(firstEvent, clearedAt, key, firstRun);
        // Cleared, then the content changed: the newer run waits for a person, which ends the clearance.
        sendThenMarker("campaign:" + key, firstClearance,
                revoked(clearedAt.plusSeconds(300), key, firstRun, UUID.randomUUID()));

        String id = create(setup, key, "0", "800").statusCode(201)
                .body("amount", equalTo(0.0f)).body("plannedAmount", equalTo(800.0f)).extract().path("id");
        assertEquals("REVOKED", campaign(id).getString("launch.state"));

        // The old clearance again, redelivered and replayed under a new id: it is older than the revocation.
        sendThenMarker("campaign:" + key, firstClearance,
                cleared(UUID.randomUUID(), clearedAt, key, firstRun));
        JsonPath held = campaign(id);
        assertEquals(0.0f, held.getFloat("amount"), 0.001);
        assertEquals(800.0f, held.getFloat("plannedAmount"), 0.001);
        assertEquals("REVOKED", held.getString("launch.state"));

        UUID secondRun = UUID.randomUUID();
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            sendThenMarker("campaign:" + key, cleared(UUID.randomUUID(), Instant.now(), key, secondRun));
            ConsumerRecord<String, String> funded = events.await(r -> fundedEvent(r, id), PATIENCE);
            assertTrue(funded.value().contains("\"qaRunId\":\"" + secondRun + "\""), funded.value());
        }
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + id).then().statusCode(200)
                .body("amount", equalTo(800.0f)).body("plannedAmount", nullValue())
                .body("launch.state", equalTo("CLEARED")).body("launch.fundedByRun", equalTo(secondRun.toString()));
    }

    @Test
    void aCampaignCreatedWithAPlanForAnAlreadyClearedKeyIsFundedAtOnceAndAPlanBelowTheAmountIsRefused() {
        RunningPlan setup = runningPlan();
        String key = "fund-" + UUID.randomUUID().toString().substring(0, 8);
        String otherKey = key + "-b";
        UUID run = UUID.randomUUID();
        sendThenMarker("campaign:" + key, cleared(UUID.randomUUID(), Instant.now(), key, run),
                cleared(UUID.randomUUID(), Instant.now(), otherKey, UUID.randomUUID()));

        String id = create(setup, key, "0", "700").statusCode(201)
                .body("amount", equalTo(700.0f)).body("plannedAmount", nullValue()).extract().path("id");
        assertEquals(run.toString(), campaign(id).getString("launch.fundedByRun"));
        assertEquals(4300.0f, uncommitted(setup), 0.001);

        create(setup, otherKey, "500", "300").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("plannedAmount"));
        create(setup, otherKey, "0", "-1").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("plannedAmount"));
        assertEquals(4300.0f, uncommitted(setup), 0.001);
    }

    @Test
    void aRevokedClearanceTakesTheFundingBackToReservedAndTheNextClearanceFundsItAgainEachEventOnce() {
        RunningPlan setup = runningPlan();
        String key = "fund-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(setup, key, "0", "1500").statusCode(201).extract().path("id");
        Instant clearedAt = Instant.now().minusSeconds(600);
        UUID firstRun = UUID.randomUUID();
        UUID revokingRun = UUID.randomUUID();
        UUID secondRun = UUID.randomUUID();
        UUID revocationEvent = UUID.randomUUID();
        String firstClearance = cleared(UUID.randomUUID(), clearedAt, key, firstRun);
        String revocation = ClearanceEvents.revoked(revocationEvent, clearedAt.plusSeconds(120), key, null, firstRun,
                revokingRun, "needs-approval", "QA run " + revokingRun + " of the changed content waits for a person");
        String secondClearance = cleared(UUID.randomUUID(), clearedAt.plusSeconds(240), key, secondRun);

        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            sendThenMarker("campaign:" + key, firstClearance, firstClearance);
            events.await(r -> fundedEvent(r, id), PATIENCE);
            spend(id, "200");
            assertEquals(1300.0f, campaign(id).getFloat("remaining"), 0.001);

            // Cleared → revoked: the 1,500 goes back to reserved; the 200 spent stays spent.
            sendThenMarker("campaign:" + key, revocation, revocation);
            ConsumerRecord<String, String> defunded = events.await(r -> defundedEvent(r, id), PATIENCE);
            assertEquals(1500.0f, data(defunded).getFloat("amount"), 0.001);
            assertEquals(200.0f, data(defunded).getFloat("spent"), 0.001);
            assertTrue(defunded.value().contains("\"clearedByRunId\":\"" + firstRun + "\""), defunded.value());
            assertTrue(defunded.value().contains("\"revokedByRunId\":\"" + revokingRun + "\""), defunded.value());
            JsonPath held = campaign(id);
            assertEquals(0.0f, held.getFloat("amount"), 0.001);
            assertEquals(1500.0f, held.getFloat("plannedAmount"), 0.001);
            assertEquals(0.0f, held.getFloat("remaining"), 0.001);
            assertEquals("STOPPED", held.getString("status"));
            assertEquals("REVOKED", held.getString("launch.state"));
            assertEquals(false, held.getBoolean("launch.funded"));
            assertEquals(null, held.getString("launch.fundedByRun"));
            // Still held of the channel's 5,000: nobody else can take it meanwhile.
            assertEquals(3500.0f, uncommitted(setup), 0.001);
            // Under ENFORCE a person cannot give it back either while it is revoked.
            given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("amount", "1500"))
                    .put("/budget/campaigns/" + id + "/budget").then().statusCode(409);

            // Revoked → cleared again: funded once more, with what it held.
            sendThenMarker("campaign:" + key, secondClearance, secondClearance);
            ConsumerRecord<String, String> refunded = events.await(r -> fundedEvent(r, id)
                    && r.value().contains(secondRun.toString()), PATIENCE);
            assertEquals(1500.0f, data(refunded).getFloat("amount"), 0.001);
            assertEquals(2, events.collect(r -> fundedEvent(r, id), Duration.ofSeconds(5)).size(),
                    "one CampaignFunded per clearance, though each came twice");
            assertEquals(1, events.collect(r -> defundedEvent(r, id), Duration.ofSeconds(1)).size(),
                    "one CampaignDefunded for the revocation that came twice");
        }
        JsonPath funded = campaign(id);
        assertEquals(1500.0f, funded.getFloat("amount"), 0.001);
        assertEquals(1300.0f, funded.getFloat("remaining"), 0.001);
        assertEquals(null, funded.getString("plannedAmount"));
        assertEquals("ACTIVE", funded.getString("status"));
        assertEquals(secondRun.toString(), funded.getString("launch.fundedByRun"));
        assertEquals(3500.0f, uncommitted(setup), 0.001);
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", revocationEvent));
    }

    @Test
    void thePlannedAmountIsReservedAnewBeforeTheClearanceAndTheBudgetFollowsItAfter() {
        RunningPlan setup = runningPlan();
        String key = "fund-" + UUID.randomUUID().toString().substring(0, 8);
        String id = create(setup, key, "0", "1500").statusCode(201).extract().path("id");

        // Before the clearance: the reservation moves with the plan, within the channel's 5,000.
        changePlan(CAROL, id, "2000").statusCode(200).body("plannedAmount", equalTo(2000.0f))
                .body("amount", equalTo(0.0f));
        assertEquals(3000.0f, uncommitted(setup), 0.001);
        changePlan(CAROL, id, "5000.01").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("plannedAmount"));
        changePlan(CAROL, id, "-1").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("plannedAmount"));
        changePlan(CAROL, id, null).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("plannedAmount"));
        changePlan(CAROL, id, "20.001").statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("plannedAmount"));
        // A channel team changes only its own channel's campaigns.
        changePlan(Tokens.serviceAccount("channel-search"), id, "100").statusCode(403);
        assertEquals(3000.0f, uncommitted(setup), 0.001);

        UUID run = UUID.randomUUID();
        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS)) {
            sendThenMarker("campaign:" + key, cleared(UUID.randomUUID(), Instant.now(), key, run));
            ConsumerRecord<String, String> funded = events.await(r -> fundedEvent(r, id), PATIENCE);
            assertEquals(2000.0f, data(funded).getFloat("amount"), 0.001);

            // After the clearance: the budget follows the plan at once, up and down, and says so.
            changePlan(CAROL, id, "2500").statusCode(200).body("amount", equalTo(2500.0f))
                    .body("plannedAmount", nullValue()).body("status", equalTo("ACTIVE"));
            ConsumerRecord<String, String> raised = events.await(r -> fundedEvent(r, id)
                    && data(r).getFloat("amount") == 2500.0f, PATIENCE);
            assertTrue(raised.value().contains("\"qaRunId\":\"" + run + "\""), raised.value());
            assertEquals(2500.0f, uncommitted(setup), 0.001);
            changePlan(CAROL, id, "1000").statusCode(200).body("amount", equalTo(1000.0f));
            assertEquals(4000.0f, uncommitted(setup), 0.001);
            changePlan(CAROL, id, "5001").statusCode(400).body("violations[0].field", equalTo("plannedAmount"));
        }
        JsonPath view = campaign(id);
        assertEquals(1000.0f, view.getFloat("amount"), 0.001);
        assertEquals("CLEARED", view.getString("launch.state"));
        assertEquals(run.toString(), view.getString("launch.fundedByRun"));
    }
}
