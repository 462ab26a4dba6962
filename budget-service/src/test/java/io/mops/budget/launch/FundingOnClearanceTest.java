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
}
