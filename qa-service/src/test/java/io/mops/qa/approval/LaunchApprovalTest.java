package io.mops.qa.approval;

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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** A rule set of the test's own, published from the bundled default: brand.voice on, whatever else was seeded. */
    private static String publishBundledRuleSet() throws Exception {
        String name = "launch-test-" + UUID.randomUUID().toString().substring(0, 8);
        try (var in = LaunchApprovalTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
            ObjectNode document = (ObjectNode) JSON.readTree(in);
            document.put("name", name);
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(document.toString())
                    .post("/qa/rule-sets").then().statusCode(201);
        }
        return name;
    }

    private static void addExample(String brand, String stance, String text) {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("stance", stance, "text", text))
                .post("/qa/brands/" + brand + "/examples").then().statusCode(201);
    }

    @Test
    void theRequestCarriesTheFindingsTheCopyAndTheBrandExamplesTheCopyWasComparedWith() throws Exception {
        String brand = "launch-" + UUID.randomUUID().toString().substring(0, 8);
        // The sample's own headline and first paragraph: the closest approved example by construction.
        String approved = "Black Friday: 30% off winter jackets. Our warmest jackets are 30% off until Sunday.";
        String rejected = "BUY NOW!!! LAST CHANCE!!! Prices this low will NEVER come back, act immediately!!!";
        addExample(brand, "APPROVED", approved);
        addExample(brand, "REJECTED", rejected);
        String ruleSet = publishBundledRuleSet();
        ObjectNode campaign = sample("subtle-email-tracking-drift");
        campaign.put("brand", brand);
        try (TopicTap tap = TopicTap.open(Topics.APPROVAL_REQUESTS)) {
            var run = given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                    .queryParam("ruleSet", ruleSet).body(campaign.toString()).post("/qa/runs")
                    .then().statusCode(201).body("verdict", equalTo("needs-approval")).extract();
            String runId = run.path("id");
            int riskScore = run.path("riskScore");

            JsonNode data = JSON.readTree(tap.await(r -> r.value().contains(runId), Duration.ofSeconds(30)).value())
                    .get("data");
            assertEquals(riskScore, data.at("/risk/score").asInt());
            assertEquals("needs-approval", data.at("/risk/verdict").asText());
            // The run's drifting tags are tracking findings: their family is a category policies can match.
            assertTrue(data.at("/risk/categories").toString().contains("\"tracking\""), data.at("/risk").toString());

            JsonNode evidence = data.get("evidence");
            assertEquals("LaunchEvidence", evidence.get("schema").asText());
            assertEquals(1, evidence.get("version").asInt());
            JsonNode content = evidence.get("content");
            assertEquals(runId, content.get("qaRunId").asText());
            assertEquals(brand, content.get("brand").asText());
            assertTrue(content.at("/copy/copy").asText().startsWith("Black Friday: 30% off winter jackets"),
                    content.get("copy").toString());
            // The copy field by field and the email's HTML, exactly as submitted: the console marks findings on them.
            JsonNode email = campaign.at("/creatives/email");
            assertEquals(email.get("subject").asText(), content.at("/fields/creatives.email.subject").asText(),
                    content.get("fields").toString());
            assertEquals(email.get("html").asText(), content.get("emailHtml").asText());
            JsonNode tracking = null;
            for (JsonNode finding : content.get("findings")) {
                assertFalse(finding.get("location").asText().isBlank(), finding.toString());
                if (finding.get("ruleId").asText().startsWith("tracking.")) {
                    tracking = finding;
                }
            }
            assertTrue(tracking != null && tracking.get("category").asText().equals("tracking"),
                    content.get("findings").toString());

            JsonNode neighbours = content.get("brandNeighbours");
            assertEquals(2, neighbours.size(), neighbours.toString());
            assertEquals("APPROVED", neighbours.get(0).get("stance").asText());
            assertEquals(approved, neighbours.get(0).get("text").asText());
            assertEquals("REJECTED", neighbours.get(1).get("stance").asText());
            assertEquals(rejected, neighbours.get(1).get("text").asText());
            assertTrue(neighbours.get(0).get("similarity").asDouble() > neighbours.get(1).get("similarity").asDouble(),
                    neighbours.toString());
        }
    }

    @Test
    void changesRequestedAndExpiryLeaveTheLaunchNotApprovedWithTheReason() {
        String changed = submit("subtle-email-tracking-drift", "needs-approval");
        String lapsed = submit("subtle-email-tracking-drift", "needs-approval");
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + changed, envelope("ChangesRequested", """
                {"requestId": "%s", "kind": "CampaignLaunch", "reference": "%s", "requestedBy": "omar",
                 "comment": "cite the study"}""".formatted(UUID.randomUUID(), changed)));
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:" + lapsed, envelope("ApprovalExpired", """
                {"requestId": "%s", "kind": "CampaignLaunch", "reference": "%s",
                 "expiredAt": "2026-12-01T10:00:00Z"}""".formatted(UUID.randomUUID(), lapsed)));

        awaitApproval(changed, "CHANGES_REQUESTED");
        awaitApproval(lapsed, "EXPIRED");
        given().auth().oauth2(Tokens.user("carol")).get("/qa/runs/" + changed).then().statusCode(200)
                .body("approval.status", equalTo("CHANGES_REQUESTED"))
                .body("approval.decidedBy", equalTo("omar"))
                .body("approval.comment", equalTo("cite the study"));
        given().auth().oauth2(Tokens.user("carol")).get("/qa/runs/" + lapsed).then().statusCode(200)
                .body("approval.status", equalTo("EXPIRED"))
                .body("approval.comment", equalTo("nobody decided before 2026-12-01T10:00:00Z"));
    }

    @Test
    void aTaughtRejectionJoinsTheBrandCorpusOnceWithItsReason() {
        String brand = "taught-" + UUID.randomUUID().toString().substring(0, 8);
        UUID requestId = UUID.randomUUID();
        String lesson = """
                {"requestId": "%s", "reference": "%s", "brand": "%s", "copy": "Cure your cold overnight",
                 "reason": "we never promise cures", "taughtBy": "alice"}""".formatted(requestId, UUID.randomUUID(),
                brand);
        String event = envelope("BrandVoiceTaught", lesson);
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:x", event);
        // Redelivered, and sent again as a new event for the same approval: one example all the same.
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:x", event);
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:x", envelope("BrandVoiceTaught", lesson));
        // A later lesson on the same key lands, so the three before it were read.
        String marker = envelope("BrandVoiceTaught", """
                {"requestId": "%s", "reference": "%s", "brand": "%s", "copy": "Miracle results guaranteed",
                 "reason": "no guarantees", "taughtBy": "nina"}""".formatted(UUID.randomUUID(), UUID.randomUUID(),
                brand));
        TestProducer.send(Topics.APPROVAL_DECISIONS, "qa-run:x", marker);

        TestDatabase db = TestDatabase.named("mops_qa_test");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from brand_example where brand = ?", brand) == 2);
        given().auth().oauth2(Tokens.user("carol")).get("/qa/brands/" + brand + "/examples").then().statusCode(200)
                .body("findAll { it.text == 'Cure your cold overnight' }.size()", equalTo(1))
                .body("find { it.text == 'Cure your cold overnight' }.stance", equalTo("REJECTED"))
                .body("find { it.text == 'Cure your cold overnight' }.reason", equalTo("we never promise cures"));
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
