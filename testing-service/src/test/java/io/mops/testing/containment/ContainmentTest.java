package io.mops.testing.containment;

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
import static io.mops.testing.ExperimentFixtures.start;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The risk guard's PAUSE_EXPERIMENT (issue 15) over the real Kafka: budget-service's ContainmentApplied (sent here as
 * budget-service writes it) pauses the channel's running experiments once, nothing of the channel runs while it is
 * open, and its ContainmentLifted — a person's resolution — resumes them as that person's transition.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ContainmentTest {

    private static final String CAROL = Tokens.user("carol");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final TestDatabase db = TestDatabase.named("mops_testing_test");

    private static String channel() {
        return "cont-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String withVariants(String channel) {
        String key = draft(CAROL, channel, Map.of());
        planVariants(CAROL, key, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))));
        return key;
    }

    private static String status(String key) {
        return given().auth().oauth2(CAROL).get("/experiments/" + key).then().statusCode(200)
                .extract().path("experiment.status");
    }

    private static ValidatableResponse changeStatus(String key, String status) {
        return given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("status", status))
                .post("/experiments/" + key + "/status").then();
    }

    private static String applied(UUID eventId, UUID anomaly, String channel, String action) {
        return """
                {"id":"%s","type":"ContainmentApplied","version":1,"source":"budget-service","time":"%s",
                 "subject":"channel:%s","data":{"anomalyId":"%s","detector":"tracking-breakage","channel":"%s",
                 "action":"%s","campaignIds":[],"appliedAt":"%s","appliedBy":"budget-service (risk guard)"}}
                """.formatted(eventId, Instant.now(), channel, anomaly, channel, action, Instant.now());
    }

    private static String lifted(UUID anomaly, String channel, String action, String by, String comment) {
        return """
                {"id":"%s","type":"ContainmentLifted","version":1,"source":"budget-service","time":"%s",
                 "subject":"channel:%s","data":{"anomalyId":"%s","channel":"%s","action":"%s","campaignIds":[],
                 "liftedBy":"%s","liftedAt":"%s","comment":"%s"}}
                """.formatted(UUID.randomUUID(), Instant.now(), channel, anomaly, channel, action, by, Instant.now(),
                comment);
    }

    private static void send(String channel, String event) {
        TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + channel, event);
    }

    @Test
    void aContainmentPausesTheChannelsRunningExperimentsOnceAndOnlyAPersonsLiftResumesThem() {
        String channel = channel();
        String running = withVariants(channel);
        start(CAROL, running);
        String waiting = withVariants(channel);
        String elsewhere = withVariants(channel());
        start(CAROL, elsewhere);

        UUID event = UUID.randomUUID();
        UUID anomaly = UUID.randomUUID();
        String containment = applied(event, anomaly, channel, "PAUSE_EXPERIMENT");
        send(channel, containment);
        send(channel, containment);
        await().atMost(PATIENCE).until(() -> "PAUSED".equals(status(running)));
        given().auth().oauth2(CAROL).get("/experiments/" + running).then()
                .body("history[-1].by", equalTo("risk guard (anomaly " + anomaly + ")"))
                .body("history[-1].reason", containsString("tracking-breakage"));
        assertEquals("RUNNING", status(elsewhere));
        assertEquals("DRAFT", status(waiting));

        // Nothing of the channel runs while the containment is open: neither a resume nor a start.
        changeStatus(running, "RUNNING").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("anomaly " + anomaly));
        changeStatus(waiting, "RUNNING").statusCode(409).body("detail", containsString("anomaly " + anomaly));
        changeStatus(elsewhere, "PAUSED").statusCode(200);
        changeStatus(elsewhere, "RUNNING").statusCode(200);

        // A containment of another action on the same channel changes nothing here.
        send(channel, applied(UUID.randomUUID(), UUID.randomUUID(), channel, "FREEZE_CHANNEL"));

        send(channel, lifted(anomaly, channel, "PAUSE_EXPERIMENT", "carol", "tag fixed"));
        await().atMost(PATIENCE).until(() -> "RUNNING".equals(status(running)));
        given().auth().oauth2(CAROL).get("/experiments/" + running).then()
                .body("history[-1].by", equalTo("carol"))
                .body("history[-1].reason", containsString("tag fixed"));
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", event));
        assertEquals(1, db.count("select count(*) from experiment_transition t join experiment e on e.id = "
                + "t.experiment_id where e.key = ? and t.to_status = 'PAUSED'", running));
        assertEquals(1, db.count("select count(*) from experiment_containment where channel = ?", channel));
        assertEquals(1, db.count("select count(*) from experiment_containment where anomaly_id = ? and lifted_by = "
                + "'carol' and lift_comment = 'tag fixed' and resumed_experiments = ?", anomaly, running));
        changeStatus(waiting, "RUNNING").statusCode(200);
    }

    @Test
    void anExperimentWhoseClearanceCameWhileItsChannelWasHeldStartsByItselfWhenTheHoldIsLifted() {
        String channel = channel();
        String campaign = "held-" + UUID.randomUUID().toString().substring(0, 8);
        String key = draft(CAROL, channel, Map.of("campaignId", campaign));
        planVariants(CAROL, key, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))));
        String other = draft(CAROL, channel, Map.of("campaignId", campaign + "-x"));
        planVariants(CAROL, other, Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))));

        UUID anomaly = UUID.randomUUID();
        send(channel, applied(UUID.randomUUID(), anomaly, channel, "PAUSE_EXPERIMENT"));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from experiment_containment where "
                + "anomaly_id = ?", anomaly) == 1);
        for (String waiting : List.of(key, other)) {
            given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("reason", "creative approved"))
                    .post("/experiments/" + waiting + "/start").then().statusCode(202)
                    .body("experiment.status", equalTo("AWAITING_CLEARANCE"));
        }

        // The clearance comes while the channel is held: the experiment keeps waiting, and says why.
        UUID clearance = UUID.randomUUID();
        TestProducer.send(Topics.QA_EVENTS, "campaign:" + campaign, ClearanceEvents.cleared(clearance, Instant.now(),
                campaign, null, UUID.randomUUID(), null));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from processed_event where event_id = ?",
                clearance) == 1);
        given().auth().oauth2(CAROL).get("/experiments/" + key).then().statusCode(200)
                .body("experiment.status", equalTo("AWAITING_CLEARANCE"))
                .body("waitingFor", containsString("its campaign is cleared"))
                .body("waitingFor", containsString("anomaly " + anomaly));

        // A person lifts the hold: the cleared one starts by itself; the other still waits for its own clearance.
        String lift = lifted(anomaly, channel, "PAUSE_EXPERIMENT", "carol", "tag fixed");
        send(channel, lift);
        send(channel, lift);
        await().atMost(PATIENCE).until(() -> "RUNNING".equals(status(key)));
        given().auth().oauth2(CAROL).get("/experiments/" + key).then()
                .body("waitingFor", nullValue())
                .body("history[-1].from", equalTo("AWAITING_CLEARANCE"))
                .body("history[-1].by", equalTo("carol"))
                .body("history[-1].reason", containsString("tag fixed"));
        // Lifted twice by one event id: started once, with one allocation period.
        assertEquals(1, db.count("select count(*) from experiment_transition t join experiment e on e.id = "
                + "t.experiment_id where e.key = ? and t.to_status = 'RUNNING'", key));
        assertEquals(1, db.count("select count(*) from allocation_period p join experiment e on e.id = "
                + "p.experiment_id where e.key = ?", key));
        assertEquals("AWAITING_CLEARANCE", status(other));
    }
}
