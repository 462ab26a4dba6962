package io.mops.budget.launch;

import io.mops.budget.guard.AnomalyView;
import io.mops.budget.guard.RiskGuard;
import io.mops.common.events.Topics;
import io.mops.testsupport.ClearanceEvents;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Launch control (issue 15) with {@code mops.budget.launch-control=ENFORCE}: qa-service's clearances arrive on
 * mops.qa.events (sent here as qa-service writes them), are applied once and shown on the campaign; an uncleared
 * campaign gets no budget; its spend opens an {@code uncleared-spend} anomaly and an Incident. Each test has a plan and
 * a channel of its own.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@TestProfile(LaunchControlTest.Enforced.class)
class LaunchControlTest {

    public static class Enforced implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mops.budget.launch-control", "ENFORCE");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CAROL = Tokens.user("carol");

    private final TestDatabase db = TestDatabase.named("mops_budget_test");

    @Inject
    RiskGuard guard;

    private static RunningPlan runningPlan() {
        return RunningPlan.create("launch");
    }

    private static String campaign(RunningPlan setup, String name) {
        return given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("channel", setup.channel(), "name", name, "amount", "0"))
                .post("/budget/plans/" + setup.planId() + "/campaigns").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse fund(String campaign, String amount) {
        return given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("amount", amount))
                .put("/budget/campaigns/" + campaign + "/budget").then();
    }

    private static String launchState(String campaign) {
        return given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then().statusCode(200)
                .extract().path("launch.state");
    }

    private static String cleared(UUID eventId, String campaign, UUID runId, UUID approvalId) {
        return ClearanceEvents.cleared(eventId, Instant.now(), "qa-" + campaign, campaign, runId, approvalId);
    }

    private static String revoked(String campaign, UUID clearedBy, UUID runId) {
        return ClearanceEvents.revoked(Instant.now(), "qa-" + campaign, campaign, clearedBy, runId, "blocked",
                "QA run " + runId + " of the campaign's newest content is blocked");
    }

    private static void send(String campaign, String event) {
        TestProducer.send(Topics.QA_EVENTS, "campaign:qa-" + campaign, event);
    }

    @Test
    void aClearanceIsAppliedOnceShownOnTheCampaignAndEndedByARevocation() {
        RunningPlan setup = runningPlan();
        String campaign = campaign(setup, "Winter newsletter");
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then().statusCode(200)
                .body("launch.state", equalTo("NOT_CLEARED")).body("launch.control", equalTo("ENFORCE"))
                .body("launch.funded", equalTo(false));

        UUID event = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        String clearance = cleared(event, campaign, run, approval);
        send(campaign, clearance);
        send(campaign, clearance);
        await().atMost(PATIENCE).until(() -> "CLEARED".equals(launchState(campaign)));
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then().statusCode(200)
                .body("launch.cleared", equalTo(true))
                .body("launch.qaCampaignId", equalTo("qa-" + campaign))
                .body("campaignKey", equalTo("qa-" + campaign))
                .body("launch.qaRunId", equalTo(run.toString()))
                .body("launch.approvalId", equalTo(approval.toString()))
                .body("launch.approvedBy", equalTo("alice"))
                .body("launch.contentHash", equalTo("ab".repeat(32)));
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", event));

        UUID later = UUID.randomUUID();
        send(campaign, revoked(campaign, run, later));
        await().atMost(PATIENCE).until(() -> "REVOKED".equals(launchState(campaign)));
        // The clearance redelivered after its revocation has no second effect.
        send(campaign, clearance);
        UUID marker = UUID.randomUUID();
        send(campaign, revoked(campaign, run, marker));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from campaign_clearance where campaign_id = ? "
                + "and revoked_by_run = ?", "qa-" + campaign, marker) == 1);
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then().statusCode(200)
                .body("launch.state", equalTo("REVOKED")).body("launch.cleared", equalTo(false))
                .body("launch.qaRunId", equalTo(run.toString()))
                .body("launch.revokedByRun", equalTo(marker.toString()));
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", event));
    }

    @Test
    void enforcedLaunchControlFundsOnlyClearedCampaignsAndSaysWhy() {
        RunningPlan setup = runningPlan();
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("channel", setup.channel(), "name", "Funded at once", "amount", "100"))
                .post("/budget/plans/" + setup.planId() + "/campaigns").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("'Funded at once' on " + setup.channel()))
                .body("detail", containsString("not cleared for launch"));

        String campaign = campaign(setup, "Gated");
        fund(campaign, "100").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(campaign))
                .body("detail", containsString("names no QA campaign key"));

        UUID run = UUID.randomUUID();
        send(campaign, cleared(UUID.randomUUID(), campaign, run, null));
        await().atMost(PATIENCE).until(() -> "CLEARED".equals(launchState(campaign)));
        fund(campaign, "100").statusCode(200).body("amount", equalTo(100.0f));
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then()
                .body("launch.funded", equalTo(true)).body("launch.approvalId", nullValue());

        send(campaign, revoked(campaign, run, UUID.randomUUID()));
        await().atMost(PATIENCE).until(() -> "REVOKED".equals(launchState(campaign)));
        // The revocation took the budget back: reserved, for the next clearance to fund again.
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then()
                .body("amount", equalTo(0.0f)).body("plannedAmount", equalTo(100.0f))
                .body("launch.funded", equalTo(false));
        fund(campaign, "200").statusCode(409).body("detail", containsString("was revoked"));
        // Taking money away is never refused.
        fund(campaign, "0").statusCode(200).body("amount", equalTo(0.0f));
    }

    @Test
    void spendOfAnUnclearedCampaignOpensAnIncidentAndPausesOnlyThatCampaign() throws Throwable {
        RunningPlan setup = runningPlan();
        String uncleared = campaign(setup, "Never checked");
        String clearedCampaign = campaign(setup, "Checked");
        send(clearedCampaign, cleared(UUID.randomUUID(), clearedCampaign, UUID.randomUUID(), null));
        await().atMost(PATIENCE).until(() -> "CLEARED".equals(launchState(clearedCampaign)));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String campaign : List.of(uncleared, clearedCampaign)) {
            given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                    .body(Map.of("day", today, "amount", "12.50", "currency", "EUR"))
                    .post("/budget/campaigns/" + campaign + "/spend").then().statusCode(201);
        }
        Instant hour = Instant.ofEpochSecond(Long.parseLong(db.strings("select extract(epoch from "
                + "date_trunc('hour', recorded_at, 'UTC'))::bigint::text from spend_entry where campaign_id = ?",
                UUID.fromString(uncleared)).get(0)));

        try (TopicTap events = TopicTap.open(Topics.BUDGET_EVENTS);
             TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            List<AnomalyView> found = VertxContextSupport.subscribeAndAwait(() ->
                    guard.judge(hour.plus(1, ChronoUnit.HOURS)));
            AnomalyView anomaly = found.stream().filter(a -> a.channel().equals(setup.channel())).findFirst()
                    .orElseThrow(() -> new AssertionError("no anomaly on " + setup.channel() + ": " + found));
            assertEquals("uncleared-spend", anomaly.detector());
            assertEquals("PAUSE_CAMPAIGN_SPEND", anomaly.action());
            assertEquals(12.5, anomaly.observed(), 1e-9);
            assertTrue(anomaly.evidence().contains(uncleared), anomaly.evidence());
            assertTrue(!anomaly.evidence().contains(clearedCampaign), anomaly.evidence());

            ConsumerRecord<String, String> incident = requests.await(r -> r.value().contains("\"Incident\"")
                    && r.value().contains(anomaly.id().toString()), PATIENCE);
            assertTrue(incident.value().contains("uncleared-spend"), incident.value());
            // Any uncleared spend is a finding: no alarm line, so no margin and no rating; the pause held.
            assertTrue(!incident.value().contains("\"severity\"") && !incident.value().contains("\"margin\""),
                    incident.value());
            assertTrue(incident.value().contains("\"contained\":true"), incident.value());
            events.await(r -> ("campaign:" + uncleared).equals(r.key())
                    && r.value().contains("\"CampaignSpendPaused\""), PATIENCE);
            assertEquals(0, events.collect(r -> ("campaign:" + clearedCampaign).equals(r.key())
                    && r.value().contains("\"CampaignSpendPaused\""), Duration.ofSeconds(2)).size());
        }
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + uncleared).then().statusCode(200)
                .body("launch.unclearedSpendAnomalies.size()", equalTo(1));
        given().auth().oauth2(CAROL).queryParam("channel", setup.channel()).get("/budget/guard/anomalies").then()
                .statusCode(200).body("detector", hasItem("uncleared-spend"));
    }

    private static String keyedCleared(String campaignKey, UUID runId) {
        return """
                {"id":"%s","type":"CampaignCleared","version":1,"source":"qa-service","time":"%s",
                 "subject":"campaign:%s","data":{"campaignId":"%s","budgetCampaignId":null,"channel":"email",
                 "qaRunId":"%s","contentHash":"%s","approvalId":null,"approvedBy":null,"verdict":"pass",
                 "clearedAt":"%s"}}
                """.formatted(UUID.randomUUID(), Instant.now(), campaignKey, campaignKey, runId, "ab".repeat(32),
                Instant.now());
    }

    @Test
    void aCampaignCarryingTheQaKeyIsClearedByAClearanceNamingNoBudgetCampaign() {
        RunningPlan setup = runningPlan();
        String key = "bf-" + UUID.randomUUID().toString().substring(0, 8);
        String campaign = given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("channel", setup.channel(), "name", "Keyed", "amount", "0", "campaignKey", key))
                .post("/budget/plans/" + setup.planId() + "/campaigns").then().statusCode(201)
                .body("campaignKey", equalTo(key)).extract().path("id");
        fund(campaign, "100").statusCode(409).body("detail", containsString("QA campaign '" + key + "'"));

        UUID run = UUID.randomUUID();
        TestProducer.send(Topics.QA_EVENTS, "campaign:" + key, keyedCleared(key, run));
        await().atMost(PATIENCE).until(() -> "CLEARED".equals(launchState(campaign)));
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then().statusCode(200)
                .body("launch.qaCampaignId", equalTo(key)).body("launch.qaRunId", equalTo(run.toString()));
        fund(campaign, "100").statusCode(200).body("amount", equalTo(100.0f));
    }

    @Test
    void aCampaignCreatedWithAnAlreadyClearedKeyIsFundedAtOnceAndTheKeyIsItsAlone() {
        RunningPlan setup = runningPlan();
        String key = "bf-" + UUID.randomUUID().toString().substring(0, 8);
        UUID run = UUID.randomUUID();
        TestProducer.send(Topics.QA_EVENTS, "campaign:" + key, keyedCleared(key, run));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from campaign_clearance where campaign_id = ? "
                + "and status = 'CLEARED'", key) == 1);

        String campaign = given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("channel", setup.channel(), "name", "Cleared first", "amount", "150", "campaignKey", key))
                .post("/budget/plans/" + setup.planId() + "/campaigns").then().statusCode(201)
                .body("amount", equalTo(150.0f)).extract().path("id");
        given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then().statusCode(200)
                .body("launch.state", equalTo("CLEARED")).body("launch.funded", equalTo(true));

        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("channel", setup.channel(), "name", "Second", "amount", "0", "campaignKey", key))
                .post("/budget/plans/" + setup.planId() + "/campaigns").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString(campaign));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("channel", setup.channel(), "name", "Bad key", "amount", "0", "campaignKey", "no spaces"))
                .post("/budget/plans/" + setup.planId() + "/campaigns").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", containsString("campaignKey"));
    }
}
