package io.mops.qa.clearance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Launch control (issue 15): qa-service announces on mops.qa.events when a campaign's current content is cleared for
 * launch, and when a later run ends that clearance. Each test uses a campaign id of its own.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class LaunchClearanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static ObjectNode campaign(String sample, String campaignId, UUID budgetCampaignId) {
        ObjectNode campaign = sample(sample);
        campaign.put("campaignId", campaignId);
        campaign.put("budgetCampaignId", budgetCampaignId.toString());
        return campaign;
    }

    private static String ruleSet;

    /**
     * A rule set of the test's own: the bundled default without {@code plan.budget-held}, whose call to budget-service
     * (absent in these tests) would make every run that names a budget campaign wait for a person.
     */
    private static synchronized String ruleSet() throws Exception {
        if (ruleSet == null) {
            String name = "clearance-test-" + UUID.randomUUID().toString().substring(0, 8);
            try (var in = LaunchClearanceTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
                ObjectNode document = (ObjectNode) JSON.readTree(in);
                document.put("name", name);
                ((ObjectNode) document.at("/rules/plan.budget-held")).put("enabled", false);
                given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(document.toString())
                        .post("/qa/rule-sets").then().statusCode(201);
            }
            ruleSet = name;
        }
        return ruleSet;
    }

    private static ExtractableResponse<Response> submit(ObjectNode campaign) throws Exception {
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                .queryParam("ruleSet", ruleSet()).body(campaign.toString()).post("/qa/runs").then().statusCode(201)
                .extract();
    }

    private static String uniqueCampaign() {
        return "launch-" + UUID.randomUUID();
    }

    private static boolean is(ConsumerRecord<String, String> record, String type, String campaignId) {
        return ("campaign:" + campaignId).equals(record.key()) && record.value().contains("\"type\":\"" + type + "\"");
    }

    @Test
    void aPassingRunClearsTheCampaignNamingTheRunTheContentAndTheBudgetCampaign() throws Exception {
        String campaignId = uniqueCampaign();
        UUID budgetCampaign = UUID.randomUUID();
        try (TopicTap tap = TopicTap.open(Topics.QA_EVENTS)) {
            var run = submit(campaign("good-email-black-friday-us", campaignId, budgetCampaign));
            assertEquals("pass", run.path("verdict"));

            JsonNode cleared = JSON.readTree(tap.await(r -> is(r, "CampaignCleared", campaignId), PATIENCE).value());
            assertEquals(1, cleared.get("version").asInt());
            assertEquals("qa-service", cleared.get("source").asText());
            JsonNode data = cleared.get("data");
            assertEquals(campaignId, data.get("campaignId").asText());
            assertEquals(budgetCampaign.toString(), data.get("budgetCampaignId").asText());
            assertEquals("email", data.get("channel").asText());
            assertEquals(run.<String>path("id"), data.get("qaRunId").asText());
            assertEquals(run.<String>path("inputDigest"), data.get("contentHash").asText());
            assertEquals("pass", data.get("verdict").asText());
            assertTrue(data.get("approvalId").isNull(), data.toString());
            assertEquals(1, tap.collect(r -> is(r, "CampaignCleared", campaignId), Duration.ofSeconds(2)).size());
        }
    }

    @Test
    void aBlockedOrWaitingRunClearsNothing() throws Exception {
        String blocked = uniqueCampaign();
        String waiting = uniqueCampaign();
        try (TopicTap tap = TopicTap.open(Topics.QA_EVENTS)) {
            assertEquals("blocked", submit(campaign("noncompliant-email-investment-scheme", blocked,
                    UUID.randomUUID())).path("verdict"));
            assertEquals("needs-approval", submit(campaign("subtle-email-tracking-drift", waiting,
                    UUID.randomUUID())).path("verdict"));
            // QaCompleted of both arrive; no clearance (nor a revocation: nothing was cleared) comes with them.
            tap.await(r -> is(r, "QaCompleted", waiting), PATIENCE);
            assertEquals(0, tap.collect(r -> (is(r, "CampaignCleared", blocked) || is(r, "CampaignCleared", waiting)
                    || r.value().contains("CampaignClearanceRevoked")) && (r.key().endsWith(blocked)
                    || r.key().endsWith(waiting)), Duration.ofSeconds(3)).size());
        }
    }

    @Test
    void aGrantedApprovalClearsTheCampaignNamingTheApprovalOnce() throws Exception {
        String campaignId = uniqueCampaign();
        UUID budgetCampaign = UUID.randomUUID();
        try (TopicTap requests = TopicTap.open(Topics.APPROVAL_REQUESTS);
             TopicTap tap = TopicTap.open(Topics.QA_EVENTS)) {
            var run = submit(campaign("subtle-email-tracking-drift", campaignId, budgetCampaign));
            String runId = run.path("id");
            assertEquals("needs-approval", run.path("verdict"));
            String approvalId = JSON.readTree(requests.await(r -> r.value().contains(runId), PATIENCE).value())
                    .get("id").asText();

            String grant = envelope("ApprovalGranted", """
                    {"requestId": "%s", "kind": "CampaignLaunch", "reference": "%s",
                     "approvedBy": ["alice", "nina"], "comment": "fine"}""".formatted(approvalId, runId));
            TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + runId, grant);
            TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + runId, grant);

            JsonNode data = JSON.readTree(tap.await(r -> is(r, "CampaignCleared", campaignId), PATIENCE).value())
                    .get("data");
            assertEquals(runId, data.get("qaRunId").asText());
            assertEquals(approvalId, data.get("approvalId").asText());
            assertEquals("alice, nina", data.get("approvedBy").asText());
            assertEquals("needs-approval", data.get("verdict").asText());
            assertEquals(budgetCampaign.toString(), data.get("budgetCampaignId").asText());
            assertEquals(1, tap.collect(r -> is(r, "CampaignCleared", campaignId), Duration.ofSeconds(3)).size());
        }
        assertEquals(1, TestDatabase.named("mops_qa_test").count(
                "select count(*) from campaign_clearance where campaign_id = ? and revoked_at is null", campaignId));
    }

    @Test
    void aRejectedApprovalClearsNothing() throws Exception {
        String campaignId = uniqueCampaign();
        try (TopicTap tap = TopicTap.open(Topics.QA_EVENTS)) {
            String runId = submit(campaign("subtle-email-tracking-drift", campaignId, UUID.randomUUID())).path("id");
            TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + runId, envelope("ApprovalRejected", """
                    {"requestId": "%s", "kind": "CampaignLaunch", "reference": "%s", "rejectedBy": "alice"}"""
                    .formatted(UUID.randomUUID(), runId)));
            awaitRejected(runId);
            assertEquals(0, tap.collect(r -> is(r, "CampaignCleared", campaignId), Duration.ofSeconds(3)).size());
        }
    }

    @Test
    void changedContentThatDoesNotPassRevokesTheClearanceAndALateGrantOfOlderContentClearsNothing() throws Exception {
        String campaignId = uniqueCampaign();
        UUID budgetCampaign = UUID.randomUUID();
        try (TopicTap tap = TopicTap.open(Topics.QA_EVENTS)) {
            String waiting = submit(campaign("subtle-email-tracking-drift", campaignId, budgetCampaign)).path("id");
            String passed = submit(campaign("good-email-black-friday-us", campaignId, budgetCampaign)).path("id");
            tap.await(r -> is(r, "CampaignCleared", campaignId) && r.value().contains(passed), PATIENCE);

            var blocked = submit(campaign("noncompliant-email-investment-scheme", campaignId, budgetCampaign));
            JsonNode revoked = JSON.readTree(tap.await(r -> is(r, "CampaignClearanceRevoked", campaignId), PATIENCE)
                    .value()).get("data");
            assertEquals(passed, revoked.get("clearedByRunId").asText());
            assertEquals(blocked.<String>path("id"), revoked.get("qaRunId").asText());
            assertEquals(blocked.<String>path("inputDigest"), revoked.get("contentHash").asText());
            assertEquals("blocked", revoked.get("verdict").asText());
            assertEquals(budgetCampaign.toString(), revoked.get("budgetCampaignId").asText());

            // The first run's approval arrives after newer content was submitted: that content is not what launches.
            TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + waiting, envelope("ApprovalGranted", """
                    {"requestId": "%s", "kind": "CampaignLaunch", "reference": "%s", "approvedBy": ["alice"]}"""
                    .formatted(UUID.randomUUID(), waiting)));
            awaitApproved(waiting);
            assertEquals(1, tap.collect(r -> is(r, "CampaignCleared", campaignId), Duration.ofSeconds(3)).size());
        }
        assertEquals(1, TestDatabase.named("mops_qa_test").count(
                "select count(*) from campaign_clearance where campaign_id = ? and revoked_at is not null", campaignId));
    }

    private static void awaitApproved(String runId) {
        awaitApproval(runId, "APPROVED");
    }

    private static void awaitRejected(String runId) {
        awaitApproval(runId, "REJECTED");
    }

    private static void awaitApproval(String runId, String status) {
        TestDatabase db = TestDatabase.named("mops_qa_test");
        org.awaitility.Awaitility.await().atMost(PATIENCE).until(() ->
                db.count("select count(*) from qa_run where id = ?::uuid and approval = ?", runId, status) == 1);
    }

    private static String envelope(String type, String data) {
        return """
                {"id": "%s", "type": "%s", "version": 1, "source": "approval-service", "time": "%s",
                 "subject": "approval", "data": %s}""".formatted(UUID.randomUUID(), type, Instant.now(), data);
    }
}
