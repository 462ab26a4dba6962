package io.mops.approval.decision;

import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request arrives over Kafka, approvers decide over HTTP, the requester hears back over Kafka. */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ApprovalFlowTest {

    private final TestDatabase db = TestDatabase.named("mops_approval_test");

    private static String requested(UUID id, String reference, String amount) {
        return """
                {"id":"%s","type":"ApprovalRequested","version":1,"source":"budget-service",
                 "time":"2026-11-25T10:00:00Z","subject":"campaign:bf-2026",
                 "data":{"kind":"ReallocationProposal","reference":"%s","channel":"search",
                         "summary":"Move %s EUR from social to search","explanation":"marginal ROAS 2.4 vs 1.1",
                         "amount":%s,"currency":"EUR","requestedBy":"budget-service"}}
                """.formatted(id, reference, amount, amount);
    }

    private UUID arrives(String amount) {
        UUID id = UUID.randomUUID();
        TestProducer.send(Topics.APPROVAL_REQUESTS, "campaign:bf-2026", requested(id, "proposal-" + id, amount));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from approval_request where id = ? and status = 'PENDING'", id) == 1);
        return id;
    }

    private static Map<String, String> grant() {
        return Map.of("verdict", "GRANT", "comment", "fine for Black Friday week");
    }

    @Test
    void anApprovalReachesTheRequesterAsApprovalGranted() {
        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            UUID id = arrives("2500.00");
            given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(grant())
                    .post("/approvals/{id}/decisions", id)
                    .then().statusCode(200)
                    .body("request.status", equalTo("GRANTED"))
                    .body("decisions.decidedBy", contains("alice"));

            ConsumerRecord<String, String> granted = decisions.await(r -> r.value().contains(id.toString()), Duration.ofSeconds(30));
            assertEquals("campaign:bf-2026", granted.key());
            assertTrue(granted.value().contains("\"type\":\"ApprovalGranted\""), granted.value());
            assertTrue(granted.value().contains("\"reference\":\"proposal-" + id + "\""), granted.value());
        }
    }

    @Test
    void aLargeMoveNeedsTwoDifferentApprovers() {
        UUID id = arrives("50000.00");
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(grant())
                .post("/approvals/{id}/decisions", id)
                .then().statusCode(200).body("request.status", equalTo("PENDING")).body("approversNeeded", equalTo(2));
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(grant())
                .post("/approvals/{id}/decisions", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("different approver"));
        given().auth().oauth2(Tokens.user("nina")).contentType(ContentType.JSON).body(grant())
                .post("/approvals/{id}/decisions", id)
                .then().statusCode(200).body("request.status", equalTo("GRANTED"))
                .body("decisions.decidedBy", contains("alice", "nina"));
    }

    @Test
    void aRejectionIsFinalAndAnnounced() {
        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            UUID id = arrives("800.00");
            given().auth().oauth2(Tokens.user("nina")).contentType(ContentType.JSON)
                    .body(Map.of("verdict", "REJECT", "comment", "not during the freeze"))
                    .post("/approvals/{id}/decisions", id)
                    .then().statusCode(200).body("request.status", equalTo("REJECTED"));
            given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(grant())
                    .post("/approvals/{id}/decisions", id)
                    .then().statusCode(409);

            ConsumerRecord<String, String> rejected = decisions.await(r -> r.value().contains(id.toString()), Duration.ofSeconds(30));
            assertTrue(rejected.value().contains("\"type\":\"ApprovalRejected\""), rejected.value());
        }
    }

    @Test
    void theCoeReadsTheAuditTrailButCannotDecide() {
        UUID id = arrives("100.00");
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(grant())
                .post("/approvals/{id}/decisions", id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id)
                .then().statusCode(200).body("request.kind", equalTo("ReallocationProposal"));
    }

    @Test
    void aRedeliveredRequestIsQueuedOnce() {
        UUID id = UUID.randomUUID();
        TestProducer.send(Topics.APPROVAL_REQUESTS, "campaign:bf-2026", requested(id, "proposal-" + id, "10"));
        TestProducer.send(Topics.APPROVAL_REQUESTS, "campaign:bf-2026", requested(id, "proposal-" + id, "10"));
        UUID marker = arrives("10");
        assertEquals(1, db.count("select count(*) from approval_request where id = ?", id));
        assertEquals(1, db.count("select count(*) from approval_request where id = ?", marker));
    }

    @Test
    void aDecisionWithoutAVerdictNamesTheField() {
        UUID id = arrives("10");
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(Map.of("comment", "ok"))
                .post("/approvals/{id}/decisions", id)
                .then().statusCode(400).body("violations[0].field", equalTo("verdict"));
    }

    private static String withdrawn(UUID id, String source, String reference, String reason) {
        return """
                {"id":"%s","type":"ApprovalWithdrawn","version":1,"source":"%s",
                 "time":"2026-11-25T11:00:00Z","subject":"campaign:bf-2026",
                 "data":{"kind":"ReallocationProposal","reference":"%s","reason":"%s",
                         "detail":"superseded by proposal 42","withdrawnBy":"budget-service"}}
                """.formatted(id, source, reference, reason);
    }

    private long withdrawalsApplied(UUID eventId) {
        return db.count("select count(*) from processed_event where event_id = ?", eventId);
    }

    @Test
    void aWithdrawnRequestLeavesTheQueueShowsAsWithdrawnAndRefusesALaterDecision() {
        UUID id = arrives("2500.00");
        TestProducer.send(Topics.APPROVAL_REQUESTS, "campaign:bf-2026",
                withdrawn(UUID.randomUUID(), "budget-service", "proposal-" + id, "SUPERSEDED"));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from approval_request where id = ? and status = 'WITHDRAWN'", id) == 1);

        given().auth().oauth2(Tokens.user("alice")).get("/approvals/pending")
                .then().statusCode(200).body("id", not(hasItem(id.toString())));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals?status=WITHDRAWN&size=200")
                .then().statusCode(200).body("find { it.id == '%s' }.status".formatted(id), equalTo("WITHDRAWN"));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id)
                .then().statusCode(200)
                .body("request.status", equalTo("WITHDRAWN"))
                .body("request.withdrawnBy", equalTo("budget-service"))
                .body("request.withdrawalReason", equalTo("SUPERSEDED: superseded by proposal 42"))
                .body("request.decidedAt", equalTo("2026-11-25T11:00:00Z"));
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(grant())
                .post("/approvals/{id}/decisions", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("withdrawn by budget-service"));
    }

    @Test
    void aWithdrawalArrivingAfterTheDecisionLeavesTheDecisionStanding() {
        UUID id = arrives("300.00");
        given().auth().oauth2(Tokens.user("nina")).contentType(ContentType.JSON).body(grant())
                .post("/approvals/{id}/decisions", id)
                .then().statusCode(200).body("request.status", equalTo("GRANTED"));
        UUID withdrawal = UUID.randomUUID();
        TestProducer.send(Topics.APPROVAL_REQUESTS, "campaign:bf-2026",
                withdrawn(withdrawal, "budget-service", "proposal-" + id, "EXPIRED"));

        await().atMost(Duration.ofSeconds(60)).until(() -> withdrawalsApplied(withdrawal) == 1);
        assertEquals(1, db.count("select count(*) from approval_request where id = ? and status = 'GRANTED'"
                + " and withdrawn_by is null", id));
    }

    @Test
    void onlyTheRequesterCanWithdrawItsRequest() {
        UUID id = arrives("300.00");
        UUID withdrawal = UUID.randomUUID();
        TestProducer.send(Topics.APPROVAL_REQUESTS, "campaign:bf-2026",
                withdrawn(withdrawal, "qa-service", "proposal-" + id, "EXPIRED"));

        await().atMost(Duration.ofSeconds(60)).until(() -> withdrawalsApplied(withdrawal) == 1);
        assertEquals(1, db.count("select count(*) from approval_request where id = ? and status = 'PENDING'", id));
    }

    @Test
    void aListFilteredByAnUnknownStatusIsA400NamingTheField() {
        given().auth().oauth2(Tokens.user("alice")).get("/approvals?status=LOST")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", containsString("status"));
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/approvals")
                .then().statusCode(403);
    }

    @Test
    void anUnknownRequestIsA404Problem() {
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(grant())
                .post("/approvals/{id}/decisions", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
