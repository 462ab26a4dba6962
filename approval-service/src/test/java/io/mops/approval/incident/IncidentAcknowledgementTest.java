package io.mops.approval.incident;

import io.mops.approval.TestClock;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An incident handed over by budget-service's risk guard arrives over Kafka; a named CoE person acknowledges it over
 * HTTP with real Keycloak tokens; one nobody acknowledges escalates by the platform clock.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class IncidentAcknowledgementTest {

    private final TestDatabase db = TestDatabase.named("mops_approval_test");

    private UUID arrives(String kind) {
        UUID id = UUID.randomUUID();
        UUID anomaly = UUID.randomUUID();
        TestProducer.send(Topics.APPROVAL_REQUESTS, "channel:social", """
                {"id":"%s","type":"ApprovalRequested","version":1,"source":"budget-service",
                 "time":"%s","subject":"channel:social",
                 "data":{"kind":"%s","reference":"%s","channel":"social",
                         "summary":"tracking-breakage on social: FREEZE_CHANNEL",
                         "explanation":"social: 0 touchpoints in 6 hours against 412 expected",
                         "requestedBy":"budget-service (risk guard)"}}
                """.formatted(id, TestClock.now(), kind, anomaly));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from approval_request where id = ? and status = 'PENDING'", id) == 1);
        return id;
    }

    private static Response acknowledge(String user, UUID id, String comment) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(Map.of("comment", comment))
                .post("/approvals/{id}/acknowledgement", id);
    }

    private List<String> audited(UUID id) {
        return db.strings("select action from approval_audit where subject = ? order by seq", id.toString());
    }

    @Test
    void theCoeAcknowledgesAnIncidentOnceAndTheRequestShowsWhoAndWhen() {
        Instant before = TestClock.now();
        UUID id = arrives("Incident");
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("acknowledgement.acknowledged", equalTo(false))
                .body("acknowledgement.acknowledgedBy", nullValue())
                .body("acknowledgement.dueAt", notNullValue());

        Instant due = Instant.parse(given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id)
                .then().extract().path("acknowledgement.dueAt"));
        // Thirty minutes (mops.approval.incidents.acknowledge-within) after it arrived, by the platform clock.
        assertFalse(due.isBefore(before.plus(Duration.ofMinutes(30))), due.toString());
        assertFalse(due.isAfter(TestClock.now().plus(Duration.ofMinutes(30))), due.toString());

        Instant at = TestClock.now();
        acknowledge("carol", id, "on it: the social pixel was removed in this morning's release")
                .then().statusCode(200)
                .body("acknowledgement.acknowledged", equalTo(true))
                .body("acknowledgement.acknowledgedBy", equalTo("carol"))
                .body("acknowledgement.comment", equalTo("on it: the social pixel was removed in this morning's release"))
                .body("request.status", equalTo("PENDING"));
        Instant acknowledgedAt = Instant.parse(given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id)
                .then().statusCode(200).body("acknowledgement.acknowledgedBy", equalTo("carol"))
                .extract().path("acknowledgement.acknowledgedAt"));
        assertFalse(acknowledgedAt.isBefore(at.minusSeconds(1)), acknowledgedAt.toString());
        assertFalse(acknowledgedAt.isAfter(TestClock.now()), acknowledgedAt.toString());

        acknowledge("carol", id, "again").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already acknowledged by carol"));
        assertEquals(List.of("request.received", "incident.acknowledged"), audited(id));
        assertEquals(1, db.count("select count(*) from approval_audit where subject = ? and action = "
                + "'incident.acknowledged' and actor = 'carol' and details like ?", id.toString(), "%pixel was removed%"));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    @Test
    void theListNarrowedToIncidentsHoldsIncidentsOnly() {
        UUID incident = arrives("Incident");
        UUID launch = arrives("CampaignLaunch");
        List<String> ids = given().auth().oauth2(Tokens.user("carol")).queryParam("kind", "Incident")
                .queryParam("size", 200).get("/approvals")
                .then().statusCode(200).body("kind", everyItem(equalTo("Incident")))
                .extract().jsonPath().getList("id");
        assertTrue(ids.contains(incident.toString()), ids.toString());
        assertFalse(ids.contains(launch.toString()), ids.toString());
        // With a status too: both conditions hold.
        given().auth().oauth2(Tokens.user("carol")).queryParam("kind", "Incident").queryParam("status", "GRANTED")
                .queryParam("size", 200).get("/approvals")
                .then().statusCode(200).body("id", not(hasItem(incident.toString())));
    }

    @Test
    void aChannelTeamOrAnApproverCannotAcknowledge() {
        UUID id = arrives("Incident");
        acknowledge("sam", id, "mine").then().statusCode(403);
        acknowledge("alice", id, "mine").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("comment", "anonymous"))
                .post("/approvals/{id}/acknowledgement", id).then().statusCode(401);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("acknowledgement.acknowledged", equalTo(false));
        assertEquals(List.of("request.received"), audited(id));
    }

    @Test
    void anAcknowledgementWithoutACommentNamesTheField() {
        UUID id = arrives("Incident");
        acknowledge("carol", id, " ").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("comment"));
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body("{}")
                .post("/approvals/{id}/acknowledgement", id)
                .then().statusCode(400).body("violations[0].field", equalTo("comment"));
    }

    @Test
    void onlyIncidentsAreAcknowledged() {
        UUID id = arrives("ReallocationProposal");
        acknowledge("carol", id, "seen").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("not an Incident"));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("acknowledgement", nullValue());
        acknowledge("carol", UUID.randomUUID(), "seen").then().statusCode(404);
    }

    @Test
    void anIncidentNobodyAcknowledgesEscalatesOnceAndAnAcknowledgedOneDoesNot() {
        UUID ignored = arrives("Incident");
        UUID taken = arrives("Incident");
        acknowledge("carol", taken, "looking at it").then().statusCode(200);

        TestClock.advance(Duration.ofMinutes(31));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.count("select count(*) from approval_request where id = ?"
                + " and ack_escalated_to = 'coe-leads'", ignored) == 1);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", ignored).then().statusCode(200)
                .body("acknowledgement.escalatedTo", equalTo("coe-leads"))
                .body("acknowledgement.escalatedAt", notNullValue())
                .body("acknowledgement.acknowledged", equalTo(false));
        // Another sweep or two pass: still one escalation, none for the acknowledged incident.
        TestClock.advance(Duration.ofMinutes(5));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        assertEquals(List.of("request.received", "incident.acknowledgement-escalated"), audited(ignored));
        assertEquals(List.of("request.received", "incident.acknowledged"), audited(taken));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", taken).then().statusCode(200)
                .body("acknowledgement.escalatedTo", nullValue());

        // Late, it is still acknowledged, and the trail says it was late.
        acknowledge("carol", ignored, "sorry, was in a meeting").then().statusCode(200)
                .body("acknowledgement.acknowledgedBy", equalTo("carol"));
        assertTrue(db.count("select count(*) from approval_audit where subject = ? and action = "
                + "'incident.acknowledged' and details like ?", ignored.toString(), "%\"late\":true%") == 1);
    }

    @Test
    void anIncidentWhoseAnomalyWasResolvedInBudgetServiceIsWithdrawnByThatPersonAndAudited() {
        UUID id = arrives("Incident");
        String reference = db.strings("select reference from approval_request where id = ?", id).getFirst();
        UUID withdrawal = UUID.randomUUID();
        // As budget-service writes it when the CoE resolves the anomaly by REST (docs/events.md, ApprovalWithdrawn).
        TestProducer.send(Topics.APPROVAL_REQUESTS, "channel:social", """
                {"id":"%s","type":"ApprovalWithdrawn","version":1,"source":"budget-service",
                 "time":"%s","subject":"channel:social",
                 "data":{"kind":"Incident","reference":"%s","reason":"RESOLVED",
                         "detail":"anomaly resolved in budget-service by carol: pixel restored","withdrawnBy":"carol"}}
                """.formatted(withdrawal, TestClock.now(), reference));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from approval_request where id = ? and status = 'WITHDRAWN'", id) == 1);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("request.status", equalTo("WITHDRAWN"))
                .body("request.withdrawnBy", equalTo("carol"))
                .body("request.withdrawalReason",
                        equalTo("RESOLVED: anomaly resolved in budget-service by carol: pixel restored"));
        assertEquals(List.of("request.received", "request.withdrawn"), audited(id));
        assertEquals(1, db.count("select count(*) from approval_audit where subject = ? and action = "
                + "'request.withdrawn' and actor = 'carol' and details like ?", id.toString(), "%pixel restored%"));
        acknowledge("carol", id, "too late").then().statusCode(409);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }
}
