package io.mops.qa.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class LaunchApprovalTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String submit(String sample, String expectedVerdict) {
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                .body(sample(sample)).post("/qa/runs")
                .then().statusCode(201).body("verdict", equalTo(expectedVerdict)).extract().path("id");
    }

    @Test
    void aNeedsApprovalRunAsksApprovalServiceOnceWithTheFindingsAsAnApproverReadsThem() throws Exception {
        try (TopicTap tap = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            String runId = submit("subtle-email-tracking-drift", "needs-approval");

            ConsumerRecord<String, String> record = tap.await(r -> r.value().contains(runId), Duration.ofSeconds(30));
            JsonNode envelope = JSON.readTree(record.value());
            assertEquals("ApprovalRequested", envelope.get("type").asText());
            assertEquals("qa-service", envelope.get("source").asText());
            assertEquals("CampaignLaunch", envelope.at("/data/kind").asText());
            assertEquals(runId, envelope.at("/data/reference").asText());
            assertEquals("email", envelope.at("/data/channel").asText());
            assertEquals("service-account-channel-email", envelope.at("/data/requestedBy").asText());
            assertTrue(envelope.at("/data/amount").isMissingNode() || envelope.at("/data/amount").isNull());
            assertTrue(envelope.at("/data/summary").asText().contains("needs-approval"));
            assertTrue(envelope.at("/data/explanation").asText().contains("[warn] "),
                    envelope.at("/data/explanation").asText());

            assertEquals(1, tap.collect(r -> r.value().contains(runId), Duration.ofSeconds(2)).size());
        }
    }

    @Test
    void passedAndBlockedRunsAskNobody() {
        try (TopicTap tap = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            String passed = submit("good-email-black-friday-us", "pass");
            String blocked = submit("noncompliant-email-investment-scheme", "blocked");
            assertEquals(0, tap.collect(r -> r.value().contains(passed) || r.value().contains(blocked),
                    Duration.ofSeconds(5)).size());
            given().auth().oauth2(Tokens.user("carol")).get("/qa/runs/" + passed)
                    .then().statusCode(200).body("approval", nullValue());
        }
    }

    @Test
    void aGrantedLaunchShowsOnTheRunWithItsApprovers() {
        String runId = submit("subtle-email-tracking-drift", "needs-approval");
        given().auth().oauth2(Tokens.user("carol")).get("/qa/runs/" + runId)
                .then().statusCode(200).body("approval.status", equalTo("PENDING"));

        String decision = envelope("ApprovalGranted", """
                {"requestId": "%s", "kind": "CampaignLaunch", "reference": "%s",
                 "approvedBy": ["alice", "nina"], "comment": "tracking fixed before send"}"""
                .formatted(UUID.randomUUID(), runId));
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + runId, decision);
        // Redelivered: applied once, and the run stays as the first delivery left it.
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + runId, decision);

        awaitApproval(runId, "APPROVED");
        given().auth().oauth2(Tokens.serviceAccount("channel-email")).get("/qa/runs/" + runId)
                .then().statusCode(200)
                .body("approval.status", equalTo("APPROVED"))
                .body("approval.decidedBy", equalTo("alice, nina"))
                .body("approval.comment", equalTo("tracking fixed before send"));
    }

    @Test
    void aRejectedLaunchShowsOnTheRunWithWhoRejectedIt() {
        String runId = submit("subtle-email-tracking-drift", "needs-approval");
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + runId, envelope("ApprovalRejected", """
                {"requestId": "%s", "kind": "CampaignLaunch", "reference": "%s", "rejectedBy": "alice",
                 "comment": "the tags must match"}""".formatted(UUID.randomUUID(), runId)));

        awaitApproval(runId, "REJECTED");
        given().auth().oauth2(Tokens.user("carol")).get("/qa/runs/" + runId)
                .then().statusCode(200)
                .body("approval.status", equalTo("REJECTED"))
                .body("approval.decidedBy", equalTo("alice"));
    }

    @Test
    void decisionsOnOtherKindsOfRequestLeaveTheRunAlone() throws InterruptedException {
        String runId = submit("subtle-email-tracking-drift", "needs-approval");
        TestProducer.send(Topics.APPROVAL_DECISIONS, "x", envelope("ApprovalRejected", """
                {"requestId": "%s", "kind": "ReallocationProposal", "reference": "%s", "rejectedBy": "alice"}"""
                .formatted(UUID.randomUUID(), runId)));
        // A launch decision sent afterwards lands, so the one before it was read and passed over.
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + runId, envelope("ApprovalGranted", """
                {"requestId": "%s", "kind": "CampaignLaunch", "reference": "%s", "approvedBy": ["nina"]}"""
                .formatted(UUID.randomUUID(), runId)));
        awaitApproval(runId, "APPROVED");
    }

    private static void awaitApproval(String runId, String status) {
        Instant deadline = Instant.now().plusSeconds(30);
        TestDatabase db = TestDatabase.named("mops_qa_test");
        while (db.count("select count(*) from qa_run where id = ?::uuid and approval = ?", runId, status) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("QA run " + runId + " did not become " + status + " within 30 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String envelope(String type, String data) {
        return """
                {"id": "%s", "type": "%s", "version": 1, "source": "approval-service", "time": "%s",
                 "subject": "approval", "data": %s}""".formatted(UUID.randomUUID(), type, Instant.now(), data);
    }
}
