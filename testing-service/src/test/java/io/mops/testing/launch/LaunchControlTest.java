package io.mops.testing.launch;

import io.mops.common.events.Topics;
import io.mops.testsupport.ClearanceEvents;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mops.testing.ExperimentFixtures.draft;
import static io.mops.testing.ExperimentFixtures.planVariants;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Launch control in testing-service (issue 15): an experiment that names a campaign runs only once qa-service's
 * {@code CampaignCleared} for that campaign has been consumed (sent here on mops.qa.events as qa-service writes it).
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class LaunchControlTest {

    private static final String EMAIL = Tokens.serviceAccount("channel-email");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestDatabase db = TestDatabase.named("mops_testing_test");

    private static String experimentFor(String campaign) {
        String key = draft(EMAIL, "email", Map.of("campaignId", campaign));
        planVariants(EMAIL, key, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))));
        return key;
    }

    private static ValidatableResponse changeStatus(String key, String status) {
        return given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("status", status))
                .post("/experiments/" + key + "/status").then();
    }

    private static String launchState(String key) {
        return given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                .extract().path("launch.state");
    }

    private static String cleared(UUID eventId, String campaign, UUID runId, Instant time) {
        return ClearanceEvents.cleared(eventId, time, campaign, null, runId, null);
    }

    private static String revoked(String campaign, UUID clearedBy, UUID runId, Instant time) {
        return ClearanceEvents.revoked(time, campaign, null, clearedBy, runId, "blocked",
                "QA run " + runId + " of the campaign's newest content is blocked");
    }

    private static void send(String campaign, String event) {
        TestProducer.send(Topics.QA_EVENTS, "campaign:" + campaign, event);
    }

    @Test
    void anExperimentOfAnUnclearedCampaignCannotStartAndSaysWhy() {
        String campaign = "winter-" + UUID.randomUUID().toString().substring(0, 8);
        String key = experimentFor(campaign);
        given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                .body("experiment.campaignId", equalTo(campaign))
                .body("launch.state", equalTo("NOT_CLEARED")).body("launch.cleared", equalTo(false));

        changeStatus(key, "RUNNING").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("campaign '" + campaign + "'"))
                .body("detail", containsString("not cleared for launch"));
        given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                .body("experiment.status", equalTo("DRAFT"));
    }

    @Test
    void aClearedCampaignsExperimentStartsAndARedeliveredClearanceIsAppliedOnce() {
        String campaign = "spring-" + UUID.randomUUID().toString().substring(0, 8);
        String key = experimentFor(campaign);
        changeStatus(key, "RUNNING").statusCode(409);

        UUID event = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        Instant clearedAt = Instant.now();
        String clearance = cleared(event, campaign, run, clearedAt);
        send(campaign, clearance);
        send(campaign, clearance);
        await().atMost(PATIENCE).until(() -> "CLEARED".equals(launchState(key)));
        given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                .body("launch.cleared", equalTo(true)).body("launch.qaRunId", equalTo(run.toString()))
                .body("launch.verdict", equalTo("pass")).body("launch.approvalId", nullValue());

        changeStatus(key, "RUNNING").statusCode(200).body("experiment.status", equalTo("RUNNING"));
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", event));

        // A revocation stops a paused experiment from resuming; the clearance redelivered after it changes nothing.
        changeStatus(key, "PAUSED").statusCode(200);
        UUID blockedRun = UUID.randomUUID();
        send(campaign, revoked(campaign, run, blockedRun, clearedAt.plusSeconds(60)));
        await().atMost(PATIENCE).until(() -> "REVOKED".equals(launchState(key)));
        send(campaign, clearance);
        UUID marker = UUID.randomUUID();
        send(campaign, revoked(campaign, run, marker, clearedAt.plusSeconds(120)));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from campaign_clearance where campaign_id = ? "
                + "and revoked_by_run = ?", campaign, marker) == 1);
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", event));
        given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                .body("launch.state", equalTo("REVOKED")).body("launch.revokedByRun", equalTo(marker.toString()));
        changeStatus(key, "RUNNING").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("was revoked"));

        // A new clearance lets it run again.
        send(campaign, cleared(UUID.randomUUID(), campaign, UUID.randomUUID(), clearedAt.plusSeconds(180)));
        await().atMost(PATIENCE).until(() -> "CLEARED".equals(launchState(key)));
        changeStatus(key, "RUNNING").statusCode(200).body("experiment.status", equalTo("RUNNING"));
    }

    @Test
    void anExperimentNamingNoCampaignIsNotGated() {
        String key = draft(EMAIL, "email", Map.of());
        planVariants(EMAIL, key, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))));
        changeStatus(key, "RUNNING").statusCode(200);
        given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                .body("launch", nullValue()).body("experiment.campaignId", nullValue());
    }

    @Test
    void aMalformedCampaignIdIsRefusedNamingTheField() {
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("key", "exp-" + UUID.randomUUID().toString().substring(0, 8), "name", "Bad link",
                        "channel", "email", "campaignId", "no spaces allowed"))
                .post("/experiments").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("campaignId"));
    }

    private static ValidatableResponse start(String key) {
        return given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("reason", "creative approved"))
                .post("/experiments/" + key + "/start").then();
    }

    private static String status(String key) {
        return given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                .extract().path("experiment.status");
    }

    @Test
    void startingBeforeTheClearanceWaitsAndTheClearanceStartsEveryWaitingExperimentOnce() {
        String campaign = "autumn-" + UUID.randomUUID().toString().substring(0, 8);
        String first = experimentFor(campaign);
        String second = experimentFor(campaign);
        String stopped = experimentFor(campaign);

        start(first).statusCode(202).body("experiment.status", equalTo("AWAITING_CLEARANCE"))
                .body("waitingFor", containsString("campaign '" + campaign + "'"))
                .body("waitingFor", containsString("heard of no QA run clearing it"));
        start(first).statusCode(202).body("experiment.status", equalTo("AWAITING_CLEARANCE"));
        start(second).statusCode(202);
        start(stopped).statusCode(202);
        // A person stops one wait: back to a draft, which the clearance leaves alone.
        changeStatus(stopped, "DRAFT").statusCode(200).body("experiment.status", equalTo("DRAFT"));
        // Waiting is entered through /start only; running it by hand still needs the clearance.
        changeStatus(second, "AWAITING_CLEARANCE").statusCode(409);
        changeStatus(second, "RUNNING").statusCode(409).body("detail", containsString("not cleared for launch"));

        UUID event = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        String clearance = cleared(event, campaign, run, Instant.now());
        send(campaign, clearance);
        send(campaign, clearance);
        await().atMost(PATIENCE).until(() -> "RUNNING".equals(status(first)) && "RUNNING".equals(status(second)));

        for (String key : List.of(first, second)) {
            given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                    .body("waitingFor", nullValue())
                    .body("history.size()", equalTo(2))
                    .body("history[0].from", equalTo("DRAFT")).body("history[0].to", equalTo("AWAITING_CLEARANCE"))
                    .body("history[1].from", equalTo("AWAITING_CLEARANCE")).body("history[1].to", equalTo("RUNNING"))
                    .body("history[1].by", equalTo("qa-service (QA run " + run + ")"))
                    .body("history[1].reason", containsString("cleared for launch by QA run " + run));
        }
        assertEquals("DRAFT", status(stopped));
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", event));
        assertEquals(1, db.count("select count(*) from allocation_period p join experiment e on e.id = "
                + "p.experiment_id where e.key = ?", first));
    }

    @Test
    void aRevocationBeforeTheClearanceKeepsTheExperimentWaitingAndSaysWhy() {
        String campaign = "summer-" + UUID.randomUUID().toString().substring(0, 8);
        String key = experimentFor(campaign);
        UUID run = UUID.randomUUID();
        Instant t0 = Instant.now();
        send(campaign, cleared(UUID.randomUUID(), campaign, run, t0));
        UUID blocked = UUID.randomUUID();
        send(campaign, revoked(campaign, run, blocked, t0.plusSeconds(10)));
        await().atMost(PATIENCE).until(() -> "REVOKED".equals(launchState(key)));

        start(key).statusCode(202).body("experiment.status", equalTo("AWAITING_CLEARANCE"))
                .body("waitingFor", containsString("was revoked"));
        UUID later = UUID.randomUUID();
        send(campaign, revoked(campaign, run, later, t0.plusSeconds(20)));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from campaign_clearance where campaign_id = ? "
                + "and revoked_by_run = ?", campaign, later) == 1);
        assertEquals("AWAITING_CLEARANCE", status(key));

        // The old clearance replayed is older than the revocation: it starts nothing.
        send(campaign, cleared(UUID.randomUUID(), campaign, run, t0));
        UUID next = UUID.randomUUID();
        send(campaign, cleared(UUID.randomUUID(), campaign, next, t0.plusSeconds(30)));
        await().atMost(PATIENCE).until(() -> "RUNNING".equals(status(key)));
        given().auth().oauth2(EMAIL).get("/experiments/" + key).then().statusCode(200)
                .body("history[1].by", equalTo("qa-service (QA run " + next + ")"));
    }

    @Test
    void startingAClearedCampaignsExperimentRunsAtOnce() {
        String campaign = "clear-" + UUID.randomUUID().toString().substring(0, 8);
        String key = experimentFor(campaign);
        send(campaign, cleared(UUID.randomUUID(), campaign, UUID.randomUUID(), Instant.now()));
        await().atMost(PATIENCE).until(() -> "CLEARED".equals(launchState(key)));
        start(key).statusCode(200).body("experiment.status", equalTo("RUNNING")).body("waitingFor", nullValue());
        start(key).statusCode(409);

        String unnamed = draft(EMAIL, "email", Map.of());
        start(unnamed).statusCode(409).body("detail", containsString("at least 2 variants"));
        planVariants(EMAIL, unnamed, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))));
        start(unnamed).statusCode(200).body("experiment.status", equalTo("RUNNING"));
    }
}
