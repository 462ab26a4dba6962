package io.mops.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.mops.approval.notify.WebhookSignature;
import io.mops.common.events.Topics;
import io.mops.testsupport.LocalStack;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestDatabase;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policies routing real requests (over Kafka) to stages decided by real users (real tokens with their Keycloak
 * groups), with the platform clock moved forward for SLAs, mail read back from the SMTP server and a webhook
 * received by a local HTTP server. Every policy matches only a channel made up for its test, so no test's policy
 * routes another test's requests.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class RoutedApprovalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestDatabase db = TestDatabase.named("mops_approval_test");

    private static String channel() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void policy(Map<String, Object> policy) {
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(policy)
                .post("/approvals/policies").then().statusCode(200);
    }

    private static Map<String, Object> stage(String name, String quorum, List<String> groups) {
        return Map.of("name", name, "quorum", quorum, "groups", groups);
    }

    private static Map<String, Object> routing(String channel, String order, List<Map<String, Object>> stages) {
        return Map.of("name", "p-" + channel, "precedence", 50,
                "match", Map.of("kinds", List.of("CampaignLaunch"), "channels", List.of(channel)),
                "action", "ROUTE", "stageOrder", order, "stages", stages);
    }

    private static String requested(UUID id, String reference, String channel, String requestedBy, String evidence) {
        return requested(id, reference, channel, requestedBy, evidence, 55);
    }

    private static String requested(UUID id, String reference, String channel, String requestedBy, String evidence,
                                    int riskScore) {
        return """
                {"id":"%s","type":"ApprovalRequested","version":1,"source":"qa-service",
                 "time":"2026-11-25T10:00:00Z","subject":"qa-run:%s",
                 "data":{"kind":"CampaignLaunch","reference":"%s","channel":"%s",
                         "summary":"Launch of the winter newsletter","requestedBy":"%s",
                         "risk":{"score":%d,"verdict":"needs-approval","categories":["health-claim"]}%s}}
                """.formatted(id, reference, reference, channel, requestedBy, riskScore,
                evidence == null ? "" : ",\"evidence\":" + evidence);
    }

    private static String launchEvidence(String subjectLine) {
        return """
                {"schema":"LaunchEvidence","version":1,"content":{"qaRunId":"r1","campaignId":"winter","brand":"acme",
                 "verdict":"needs-approval","riskScore":55,
                 "findings":[{"ruleId":"compliance.health-claim","severity":"warn","category":"health-claim",
                              "location":"creatives.email.subject","message":"unsubstantiated claim","fixHint":"cite"}],
                 "copy":{"subject":"%s","body":"Feel better now."},
                 "brandNeighbours":[{"stance":"REJECTED","text":"Cure everything!","similarity":0.81}],
                 "aiReview":[]}}""".formatted(subjectLine);
    }

    private UUID arrives(String channel, String requestedBy, String evidence) {
        return arrives(channel, requestedBy, evidence, 55);
    }

    private UUID arrives(String channel, String requestedBy, String evidence, int riskScore) {
        UUID id = UUID.randomUUID();
        TestProducer.send(Topics.APPROVAL_REQUESTS, "qa-run:" + id, requested(id, "run-" + id, channel, requestedBy,
                evidence, riskScore));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from approval_request where id = ?", id) == 1);
        return id;
    }

    private static Response decide(String user, UUID id, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON).body(body)
                .post("/approvals/{id}/decisions", id);
    }

    private static final Map<String, Object> GRANT = Map.of("verdict", "GRANT", "comment", "fine");

    @Test
    void sequentialStagesWithAQuorumGrantOnlyWhenEveryStageIsDone() {
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("brand", "2", List.of("brand")),
                stage("legal", "1", List.of("legal")))));
        UUID id = arrives(channel, "sam", null);

        given().auth().oauth2(Tokens.user("omar")).get("/approvals/pending")
                .then().statusCode(200).body("id", not(hasItem(id.toString())));
        given().auth().oauth2(Tokens.user("alice")).get("/approvals/pending")
                .then().statusCode(200).body("id", hasItem(id.toString()));
        decide("omar", id, GRANT).then().statusCode(409).body("detail", containsString("none of the groups"));
        decide("alice", id, GRANT).then().statusCode(200).body("request.status", equalTo("PENDING"))
                .body("stages[0].grants", equalTo(1));
        decide("alice", id, GRANT).then().statusCode(409).body("detail", containsString("one person counts once"));
        decide("nina", id, GRANT).then().statusCode(200).body("stages[0].complete", equalTo(true))
                .body("stages[1].open", equalTo(true));
        given().auth().oauth2(Tokens.user("omar")).get("/approvals/pending")
                .then().statusCode(200).body("id", hasItem(id.toString()));
        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            decide("omar", id, GRANT).then().statusCode(200).body("request.status", equalTo("GRANTED"))
                    .body("policy.name", equalTo("p-" + channel)).body("policy.version", equalTo(1));
            ConsumerRecord<String, String> granted = decisions.await(r -> r.value().contains(id.toString()),
                    Duration.ofSeconds(30));
            assertTrue(granted.value().contains("\"approvedBy\":[\"alice\",\"nina\",\"omar\"]"), granted.value());
        }
    }

    @Test
    void parallelStagesAreOpenAtOnceAndAQuorumOfAllCountsEveryMemberButTheRequester() {
        String channel = channel();
        policy(routing(channel, "PARALLEL", List.of(stage("legal", "1", List.of("legal")),
                stage("brand", "all", List.of("brand")))));
        // The realm's brand group: alice, nina and lena; the requester nina does not count, so two must grant.
        UUID id = arrives(channel, "nina", null);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("stages[0].open", equalTo(true)).body("stages[1].open", equalTo(true))
                .body("stages[1].quorum", equalTo(2));
        given().auth().oauth2(Tokens.user("omar")).get("/approvals/pending")
                .then().statusCode(200).body("id", hasItem(id.toString()));
        given().auth().oauth2(Tokens.user("lena")).get("/approvals/pending")
                .then().statusCode(200).body("id", hasItem(id.toString()));

        decide("lena", id, GRANT).then().statusCode(200).body("request.status", equalTo("PENDING"))
                .body("stages[1].grants", equalTo(1));
        decide("omar", id, GRANT).then().statusCode(200).body("request.status", equalTo("PENDING"))
                .body("stages[0].complete", equalTo(true));
        decide("alice", id, GRANT).then().statusCode(200).body("request.status", equalTo("GRANTED"))
                .body("stages[1].complete", equalTo(true));
    }

    @Test
    void aLowRiskPolicyThatGrantsOnExpirySaysSoAndAnUndecidedRiskyOneExpires() {
        String channel = channel();
        policy(Map.of("name", "p-" + channel, "precedence", 50,
                "match", Map.of("kinds", List.of("CampaignLaunch"), "channels", List.of(channel), "riskScoreBelow", 20),
                "action", "ROUTE", "expiresAfter", "PT1H", "onExpiry", "GRANT",
                "stages", List.of(Map.of("name", "brand", "groups", List.of("brand"), "quorum", "1"))));
        UUID lowRisk = arrives(channel, "sam", null, 10);
        // Above the policy's bound: the fallback routes it, and nothing grants it by itself.
        UUID risky = arrives(channel, "sam", null, 55);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", risky).then().statusCode(200)
                .body("policy.name", equalTo("fallback"));

        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            TestClock.advance(Duration.ofMinutes(61));
            ConsumerRecord<String, String> granted = decisions.await(r -> r.value().contains(lowRisk.toString()),
                    Duration.ofSeconds(30));
            assertTrue(granted.value().contains("\"type\":\"ApprovalGranted\""), granted.value());
            assertTrue(granted.value().contains("policy:p-" + channel + " v1 (on expiry)"), granted.value());
        }
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", lowRisk).then().statusCode(200)
                .body("request.status", equalTo("GRANTED"))
                .body("request.outcomeNote", containsString("granted on expiry by policy p-" + channel + " v1"));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", risky).then().statusCode(200)
                .body("request.status", equalTo("PENDING"));
    }

    @Test
    void theRequesterCannotDecideTheirOwnRequestEvenAsAGroupMember() throws Exception {
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("legal", "1", List.of("legal")))));
        UUID id = arrives(channel, "nina", null);
        given().auth().oauth2(Tokens.user("nina")).get("/approvals/pending")
                .then().statusCode(200).body("id", not(hasItem(id.toString())));
        decide("nina", id, GRANT).then().statusCode(409).body("detail", containsString("own request"));
        decide("omar", id, GRANT).then().statusCode(200).body("request.status", equalTo("GRANTED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("nina@mops.local", id.toString()).stream()
                .anyMatch(m -> m.path("subject").asText().contains("Granted by omar")));
    }

    @Test
    void rejectAndRequestChangesNeedACommentAndChangesGoBackToTheRequester() throws Exception {
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("legal", "1", List.of("legal")))));
        UUID id = arrives(channel, "sam", null);
        decide("omar", id, Map.of("verdict", "REJECT")).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("comment"));
        decide("omar", id, Map.of("verdict", "REQUEST_CHANGES", "comment", " ")).then().statusCode(400)
                .body("violations[0].field", equalTo("comment"));
        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            decide("omar", id, Map.of("verdict", "REQUEST_CHANGES", "comment", "cite the study"))
                    .then().statusCode(200).body("request.status", equalTo("CHANGES_REQUESTED"));
            ConsumerRecord<String, String> changes = decisions.await(r -> r.value().contains(id.toString()),
                    Duration.ofSeconds(30));
            assertTrue(changes.value().contains("\"type\":\"ChangesRequested\""), changes.value());
            assertTrue(changes.value().contains("\"comment\":\"cite the study\""), changes.value());
        }
        decide("nina", id, GRANT).then().statusCode(409).body("detail", containsString("to change it"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("sam@mops.local", id.toString()).stream()
                .anyMatch(m -> m.path("subject").asText().contains("Changes requested by omar: cite the study")));
    }

    @Test
    void changedEvidenceResetsEarlierGrantsAndIsKeptVersioned() {
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("brand", "2", List.of("brand")))));
        UUID id = arrives(channel, "sam", launchEvidence("Feel better in 3 days"));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("evidence.schema", equalTo("LaunchEvidence"))
                .body("evidence.content.findings[0].location", equalTo("creatives.email.subject"))
                .body("evidence.content.copy.subject", equalTo("Feel better in 3 days"))
                .body("evidence.content.brandNeighbours[0].similarity", equalTo(0.81f));
        decide("alice", id, GRANT).then().statusCode(200);

        UUID revision = UUID.randomUUID();
        TestProducer.send(Topics.APPROVAL_REQUESTS, "qa-run:" + id, requested(revision, "run-" + id, channel, "sam",
                launchEvidence("Feel better")));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                db.count("select count(*) from approval_request where id = ? and evidence_version = 2", id) == 1);
        assertEquals(0, db.count("select count(*) from approval_request where id = ?", revision));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("evidence.version", equalTo(2))
                .body("evidence.content.copy.subject", equalTo("Feel better"))
                .body("evidenceVersions.size()", equalTo(2))
                .body("decisions[0].stale", equalTo(true))
                .body("stages[0].grants", equalTo(0));
        decide("alice", id, GRANT).then().statusCode(200).body("request.status", equalTo("PENDING"));
        decide("lena", id, GRANT).then().statusCode(200).body("request.status", equalTo("GRANTED"));
    }

    @Test
    void aRejectionThatTeachesTheBrandVoiceSendsTheCopyAndTheReason() throws Exception {
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("brand", "1", List.of("brand")))));
        UUID plain = arrives(channel, "sam", null);
        decide("alice", plain, Map.of("verdict", "REJECT", "comment", "off-brand", "teachBrandVoice", true))
                .then().statusCode(400).body("violations[0].field", equalTo("teachBrandVoice"));
        UUID id = arrives(channel, "sam", launchEvidence("Cure your cold overnight"));
        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            decide("alice", id, Map.of("verdict", "REJECT", "comment", "we never promise cures",
                    "teachBrandVoice", true)).then().statusCode(200).body("request.status", equalTo("REJECTED"));
            ConsumerRecord<String, String> taught = decisions.await(r -> r.value().contains(id.toString())
                    && r.value().contains("BrandVoiceTaught"), Duration.ofSeconds(30));
            assertTrue(taught.value().contains("\"brand\":\"acme\""), taught.value());
            assertTrue(taught.value().contains("Cure your cold overnight\\nFeel better now."), taught.value());
            assertTrue(taught.value().contains("\"reason\":\"we never promise cures\""), taught.value());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("sam@mops.local", id.toString()).stream()
                .anyMatch(m -> m.path("subject").asText().contains("Rejected by alice: we never promise cures")));
    }

    @Test
    void concurrentDecisionsOnOneRequestHaveExactlyOneOutcome() throws Exception {
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("brand", "1", List.of("brand")))));
        for (int round = 0; round < 3; round++) {
            UUID id = arrives(channel, "sam", null);
            String alice = Tokens.user("alice");
            String lena = Tokens.user("lena");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = List.of(
                        pool.submit(() -> {
                            start.await();
                            return given().auth().oauth2(alice).contentType(ContentType.JSON).body(GRANT)
                                    .post("/approvals/{id}/decisions", id).statusCode();
                        }),
                        pool.submit(() -> {
                            start.await();
                            return given().auth().oauth2(lena).contentType(ContentType.JSON)
                                    .body(Map.of("verdict", "REJECT", "comment", "no"))
                                    .post("/approvals/{id}/decisions", id).statusCode();
                        }));
                start.countDown();
                List<Integer> codes = List.of(answers.get(0).get(), answers.get(1).get());
                assertTrue(codes.contains(200) && codes.contains(409), codes.toString());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, db.count("select count(*) from approval_decision where request_id = ?", id));
            assertEquals(1, db.count("select count(*) from outbox_event where payload like ?",
                    "%\"requestId\":\"" + id + "\"%"));
        }
    }

    @Test
    void aDelegateDecidesOnBehalfOfTheirColleagueAndTheCoeSeesIt() {
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("brand", "2", List.of("brand")))));
        LocalDate today = LocalDate.ofInstant(TestClock.now(), ZoneOffset.UTC);
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON)
                .body(Map.of("delegate", "alice", "group", "brand", "from", today.toString(), "to", today.toString()))
                .post("/approvals/delegations").then().statusCode(400)
                .body("violations.field", hasItem("delegate"));
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON)
                .body(Map.of("delegate", "omar", "group", "brand", "from", today.toString(), "to", today.toString()))
                .post("/approvals/delegations").then().statusCode(400)
                .body("violations.field", hasItem("delegate"));
        String delegation = given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON)
                .body(Map.of("delegate", "lena", "group", "brand", "from", today.toString(),
                        "to", today.plusDays(1).toString()))
                .post("/approvals/delegations").then().statusCode(200).extract().path("id");
        try {
            given().auth().oauth2(Tokens.user("carol")).get("/approvals/delegations").then().statusCode(200)
                    .body("id", hasItem(delegation));
            given().auth().oauth2(Tokens.user("nina")).get("/approvals/delegations").then().statusCode(200)
                    .body("id", not(hasItem(delegation)));
            UUID id = arrives(channel, "sam", null);
            decide("omar", id, Map.of("verdict", "GRANT", "onBehalfOf", "alice")).then().statusCode(409)
                    .body("detail", containsString("has not delegated"));
            decide("lena", id, Map.of("verdict", "GRANT", "onBehalfOf", "alice")).then().statusCode(200)
                    .body("decisions[0].decidedBy", equalTo("lena"))
                    .body("decisions[0].onBehalfOf", equalTo("alice"));
            decide("alice", id, GRANT).then().statusCode(409).body("detail", containsString("already decided"));
            try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
                decide("nina", id, GRANT).then().statusCode(200).body("request.status", equalTo("GRANTED"));
                ConsumerRecord<String, String> granted = decisions.await(r -> r.value().contains(id.toString()),
                        Duration.ofSeconds(30));
                assertTrue(granted.value().contains("lena on behalf of alice"), granted.value());
            }
        } finally {
            given().auth().oauth2(Tokens.user("alice")).delete("/approvals/delegations/{id}", delegation)
                    .then().statusCode(204);
        }
    }

    @Test
    void policiesNameTheFieldOfEveryMistakeAndKeepTheirHistory() {
        String channel = channel();
        Map<String, Object> bad = Map.of("name", "p-" + channel, "precedence", 50,
                "match", Map.of("kinds", List.of("Coffee"), "channels", List.of(channel)),
                "action", "ROUTE", "stages", List.of(stage("legal", "3", List.of("legal")),
                        stage("x", "1", List.of("no-such-group"))));
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(bad)
                .post("/approvals/policies").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("match.kinds[0]"))
                .body("violations.field", hasItem("stages[0].quorum"))
                .body("violations.field", hasItem("stages[1].groups[0]"));
        policy(routing(channel, "SEQUENTIAL", List.of(stage("legal", "1", List.of("legal")))));
        Map<String, Object> overlapping = Map.of("name", "q-" + channel, "precedence", 50,
                "match", Map.of("kinds", List.of("CampaignLaunch"), "channels", List.of(channel)),
                "action", "AUTO_APPROVE");
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(overlapping)
                .post("/approvals/policies").then().statusCode(400).body("violations[0].field", equalTo("precedence"));
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON)
                .body(routing(channel, "SEQUENTIAL", List.of(stage("legal", "2", List.of("legal")))))
                .put("/approvals/policies/p-" + channel).then().statusCode(403);
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(routing(channel, "SEQUENTIAL", List.of(stage("legal", "2", List.of("legal")))))
                .put("/approvals/policies/p-" + channel).then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/policies/p-" + channel + "/history")
                .then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[1].changedBy", equalTo("carol"))
                .body("[1].before.stages[0].quorum", equalTo("1"))
                .body("[1].after.stages[0].quorum", equalTo("2"));

        given().auth().oauth2(Tokens.user("carol")).delete("/approvals/policies/p-" + channel).then().statusCode(204);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/policies/p-" + channel + "/history")
                .then().statusCode(200)
                .body("size()", equalTo(3))
                .body("[2].retired", equalTo(true))
                .body("[2].after", org.hamcrest.Matchers.nullValue());
        assertEquals(List.of("policy.changed", "policy.changed", "policy.changed"), auditedActions("policy:p-" + channel));
        UUID afterRetirement = arrives(channel, "sam", null);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", afterRetirement).then().statusCode(200)
                .body("policy.name", equalTo("fallback"));
    }

    @Test
    void anAutoApprovingPolicyGrantsAtOnceAndSaysWhichVersionDid() {
        String channel = channel();
        policy(Map.of("name", "p-" + channel, "precedence", 50,
                "match", Map.of("kinds", List.of("CampaignLaunch"), "channels", List.of(channel), "riskScoreBelow", 60),
                "action", "AUTO_APPROVE"));
        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            UUID id = arrives(channel, "sam", null);
            ConsumerRecord<String, String> granted = decisions.await(r -> r.value().contains(id.toString()),
                    Duration.ofSeconds(30));
            assertTrue(granted.value().contains("policy:p-" + channel + " v1"), granted.value());
            given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                    .body("request.status", equalTo("GRANTED"))
                    .body("request.outcomeNote", containsString("auto-approved by policy p-" + channel + " v1"));
        }
    }

    /** The actions the audit trail recorded about one subject, oldest first. */
    private List<String> auditedActions(String subject) {
        return db.strings("select action from approval_audit where subject = ? order by seq", subject);
    }

    private static List<JsonNode> mailTo(String address, String containing) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                LocalStack.ensureRunning().mailApiUrl() + "/api/user/" + address + "/messages/INBOX")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<JsonNode> found = new java.util.ArrayList<>();
        JSON.readTree(response.body()).forEach(m -> {
            if (m.path("mimeMessage").asText().contains(containing)) {
                found.add(m);
            }
        });
        return found;
    }

    private static double stagesPastDue() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("mops_approval_stages_past_due "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void remindersEscalationAndExpiryFollowThePlatformClockAndAreMailed() throws Exception {
        String channel = channel();
        policy(Map.of("name", "p-" + channel, "precedence", 50,
                "match", Map.of("kinds", List.of("CampaignLaunch"), "channels", List.of(channel)),
                "action", "ROUTE", "expiresAfter", "PT3H",
                "stages", List.of(Map.of("name", "legal", "groups", List.of("legal"), "quorum", "1",
                        "due", "PT1H", "remindBefore", "PT20M", "escalateTo", "coe-leads"))));
        UUID id = arrives(channel, "sam", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("omar@mops.local", id.toString()).size() == 1);
        assertTrue(mailTo("omar@mops.local", id.toString()).getFirst().path("subject").asText()
                .contains("Waiting for your decision"));

        TestClock.advance(Duration.ofMinutes(45));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from approval_stage where request_id = ? and reminded_at is not null", id) == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("nina@mops.local", id.toString()).stream()
                .anyMatch(m -> m.path("subject").asText().contains("Reminder")));
        given().auth().oauth2(Tokens.user("lena")).get("/approvals/pending")
                .then().statusCode(200).body("id", not(hasItem(id.toString())));

        TestClock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from approval_stage where request_id = ? and escalated_to = 'coe-leads'", id) == 1);
        given().auth().oauth2(Tokens.user("lena")).get("/approvals/pending")
                .then().statusCode(200).body("id", hasItem(id.toString()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("lena@mops.local", id.toString()).stream()
                .anyMatch(m -> m.path("subject").asText().contains("Escalated to coe-leads")));
        // Its stage is now past due (due one hour after it opened, 75 minutes ago): the operators' alert sees it.
        await().atMost(Duration.ofSeconds(30)).until(() -> stagesPastDue() >= 1);

        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            TestClock.advance(Duration.ofHours(2));
            ConsumerRecord<String, String> expired = decisions.await(r -> r.value().contains(id.toString()),
                    Duration.ofSeconds(30));
            assertTrue(expired.value().contains("\"type\":\"ApprovalExpired\""), expired.value());
        }
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("request.status", equalTo("EXPIRED"));
        given().auth().oauth2(Tokens.user("carol")).get("/approvals?status=EXPIRED&size=200").then().statusCode(200)
                .body("id", hasItem(id.toString()));
        decide("omar", id, GRANT).then().statusCode(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("sam@mops.local", id.toString()).stream()
                .anyMatch(m -> m.path("subject").asText().contains("Expired undecided")));
        assertEquals(List.of("request.received", "stage.reminded", "stage.escalated", "request.expired"),
                auditedActions(id.toString()));
    }

    @Test
    void aPersonWhoPrefersTheDailyDigestGetsOneMailAtTheDigestHour() throws Exception {
        given().auth().oauth2(Tokens.user("lena")).contentType(ContentType.JSON).body(Map.of("mode", "DAILY_DIGEST"))
                .put("/approvals/notification-preference").then().statusCode(200);
        try {
            String channel = channel();
            policy(routing(channel, "SEQUENTIAL", List.of(stage("coe", "1", List.of("coe-leads")))));
            UUID first = arrives(channel, "sam", null);
            UUID second = arrives(channel, "sam", null);
            // Omar, who wants mail at once, hears of both. Mails go out in the order they were written, so an
            // immediate mail to Lena about the first request would have gone before Omar's about the second.
            await().atMost(Duration.ofSeconds(60)).until(() -> mailTo("omar@mops.local", second.toString()).size() == 1);
            assertEquals(1, mailTo("omar@mops.local", first.toString()).size(), "omar hears at once");
            assertEquals(0, mailTo("lena@mops.local", first.toString()).size(), "nothing before the digest");

            Instant now = TestClock.now();
            Instant nextDigest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atTime(7, 1)
                    .toInstant(ZoneOffset.UTC);
            TestClock.advance(Duration.between(now, nextDigest));
            await().atMost(Duration.ofSeconds(30)).until(() -> mailTo("lena@mops.local", first.toString()).size() == 1);
            JsonNode digest = mailTo("lena@mops.local", first.toString()).getFirst();
            assertTrue(digest.path("subject").asText().contains("Daily digest"), digest.toString());
            assertTrue(digest.path("mimeMessage").asText().contains(second.toString()), "both in one mail");
        } finally {
            given().auth().oauth2(Tokens.user("lena")).contentType(ContentType.JSON).body(Map.of("mode", "IMMEDIATE"))
                    .put("/approvals/notification-preference").then().statusCode(200);
        }
    }

    @Test
    void aGroupsWebhookIsSignedRetriedWithBackoffAndItsFailuresAreVisible() throws Exception {
        String secret = "whsec-" + UUID.randomUUID();
        List<String[]> received = new CopyOnWriteArrayList<>();
        // The first call about each request fails, so other tests' deliveries to the group cannot use up the 503.
        Set<String> seen = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[]{exchange.getRequestHeaders().getFirst("X-Mops-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Mops-Signature"), body});
            int status = seen.add(JSON.readTree(body).path("requestId").asText()) ? 503 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook", "secret", secret))
                    .put("/approvals/webhooks/finance").then().statusCode(200);
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://x", "secret", secret))
                    .put("/approvals/webhooks/no-such-group").then().statusCode(400)
                    .body("violations[0].field", equalTo("group"));
            String channel = channel();
            policy(routing(channel, "SEQUENTIAL", List.of(stage("finance", "1", List.of("finance")))));
            UUID id = arrives(channel, "sam", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(r -> r[2].contains(id.toString())));
            // The attempt's outcome is recorded after the receiver answered, in a transaction of its own.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("carol"))
                    .get("/approvals/webhooks/finance/deliveries").then().statusCode(200)
                    .body("find { it.body.contains('%s') }.state".formatted(id), equalTo("RETRYING"))
                    .body("find { it.body.contains('%s') }.lastStatus".formatted(id), equalTo(503)));
            TestClock.advance(Duration.ofMinutes(2));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    received.stream().filter(r -> r[2].contains(id.toString())).count() == 2);
            String[] last = received.stream().filter(r -> r[2].contains(id.toString())).toList().get(1);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal((last[0] + "." + last[2])
                    .getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, last[1]);
            assertTrue(JSON.readTree(last[2]).path("text").asText().contains("Launch of the winter newsletter"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("carol"))
                    .get("/approvals/webhooks/finance/deliveries").then()
                    .body("find { it.body.contains('%s') }.state".formatted(id), equalTo("DELIVERED")));
        } finally {
            server.stop(0);
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:9/closed", "secret", secret))
                    .put("/approvals/webhooks/finance").then().statusCode(200);
        }
        assertEquals(WebhookSignature.SIGNATURE_HEADER, "X-Mops-Signature");
    }

    @Test
    void aWebhookThatKeepsFailingIsGivenUpAfterItsLastAttemptAndSaysWhy() throws Exception {
        // Tests run with webhook-backoff 1m and webhook-max-attempts 3: attempts at t, t + 1m and t + 1m + 2m.
        String secret = "whsec-" + UUID.randomUUID();
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/down", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/down", "secret", secret))
                    .put("/approvals/webhooks/finance").then().statusCode(200);
            String channel = channel();
            policy(routing(channel, "SEQUENTIAL", List.of(stage("finance", "1", List.of("finance")))));
            UUID id = arrives(channel, "sam", null);
            String mine = "find { it.body.contains('%s') }".formatted(id);
            for (int attempt = 1; attempt <= 3; attempt++) {
                int expected = attempt;
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.user("carol"))
                        .get("/approvals/webhooks/finance/deliveries").then().statusCode(200)
                        .body(mine + ".attempts", equalTo(expected))
                        .body(mine + ".lastStatus", equalTo(500))
                        .body(mine + ".state", equalTo(expected < 3 ? "RETRYING" : "FAILED")));
                TestClock.advance(Duration.ofMinutes(1L << attempt));
            }
            given().auth().oauth2(Tokens.user("carol")).get("/approvals/webhooks/finance/deliveries").then()
                    .body(mine + ".failedAt", notNullValue())
                    .body(mine + ".nextAttemptAt", org.hamcrest.Matchers.nullValue());
            // Given up means no call after the third, however far the clock moves (the dispatcher runs every 1s).
            TestClock.advance(Duration.ofHours(2));
            Thread.sleep(3000);
            assertEquals(3, received.stream().filter(b -> b.contains(id.toString())).count());
        } finally {
            server.stop(0);
            given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                    .body(Map.of("url", "http://127.0.0.1:9/closed", "secret", secret))
                    .put("/approvals/webhooks/finance").then().statusCode(200);
        }
    }

    @Test
    void aRequestWaitingForChangesExpiresUndecided() {
        String channel = channel();
        policy(Map.of("name", "p-" + channel, "precedence", 50,
                "match", Map.of("kinds", List.of("CampaignLaunch"), "channels", List.of(channel)),
                "action", "ROUTE", "expiresAfter", "PT1H",
                "stages", List.of(Map.of("name", "legal", "groups", List.of("legal"), "quorum", "1"))));
        UUID id = arrives(channel, "sam", null);
        decide("omar", id, Map.of("verdict", "REQUEST_CHANGES", "comment", "cite the study"))
                .then().statusCode(200).body("request.status", equalTo("CHANGES_REQUESTED"));
        try (TopicTap decisions = TopicTap.open(Topics.APPROVAL_DECISIONS)) {
            TestClock.advance(Duration.ofMinutes(61));
            ConsumerRecord<String, String> expired = decisions.await(r -> r.value().contains(id.toString())
                    && r.value().contains("\"type\":\"ApprovalExpired\""), Duration.ofSeconds(30));
            assertTrue(expired.value().contains("\"reference\":\"run-" + id + "\""), expired.value());
        }
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then().statusCode(200)
                .body("request.status", equalTo("EXPIRED"));
    }

    @Test
    void aDelegationIsOneHopAndItsHolderNeverDecidesTheirOwnRequest() {
        // Brand: alice, nina and lena. Nina hands her seat to alice; neither may pass a seat on along that line.
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("brand", "1", List.of("brand")))));
        String today = LocalDate.ofInstant(TestClock.now(), ZoneOffset.UTC).toString();
        String delegation = given().auth().oauth2(Tokens.user("nina")).contentType(ContentType.JSON)
                .body(Map.of("delegate", "alice", "group", "brand", "from", today, "to", today))
                .post("/approvals/delegations").then().statusCode(200).extract().path("id");
        try {
            given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON)
                    .body(Map.of("delegate", "lena", "group", "brand", "from", today, "to", today))
                    .post("/approvals/delegations").then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem("delegator"));
            given().auth().oauth2(Tokens.user("lena")).contentType(ContentType.JSON)
                    .body(Map.of("delegate", "nina", "group", "brand", "from", today, "to", today))
                    .post("/approvals/delegations").then().statusCode(400)
                    .body("violations.field", hasItem("delegate"));

            UUID id = arrives(channel, "alice", null);
            decide("alice", id, Map.of("verdict", "GRANT", "onBehalfOf", "nina")).then().statusCode(409)
                    .body("detail", containsString("own request"));
            decide("lena", id, GRANT).then().statusCode(200).body("request.status", equalTo("GRANTED"))
                    .body("decisions.size()", equalTo(1));
        } finally {
            given().auth().oauth2(Tokens.user("nina")).delete("/approvals/delegations/{id}", delegation)
                    .then().statusCode(204);
        }
        assertEquals(List.of("delegation.created", "delegation.revoked"), auditedActions("delegation:" + delegation));
    }

    @Test
    void noRoleHoldsUpdateDeleteOrTruncateOnTheAuditTrail() {
        // Read from PostgreSQL's catalogue: the table has an explicit ACL, and no entry in it grants a change.
        assertEquals(1, db.count("select count(*) from pg_class where oid = 'approval_audit'::regclass"
                + " and relacl is not null"));
        assertEquals(0, db.count("select count(*) from pg_class c cross join lateral aclexplode(c.relacl) a"
                + " where c.oid = 'approval_audit'::regclass and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')"));
        assertEquals(2, db.count("select count(*) from pg_class c cross join lateral aclexplode(c.relacl) a"
                + " where c.oid = 'approval_audit'::regclass and a.grantee = c.relowner"
                + " and a.privilege_type in ('SELECT', 'INSERT')"));
    }

    @Test
    void theAuditTrailRefusesEditsAndVerificationNamesARowEditedBehindItsBack() {
        String channel = channel();
        policy(routing(channel, "SEQUENTIAL", List.of(stage("legal", "1", List.of("legal")))));
        UUID id = arrives(channel, "sam", null);
        decide("omar", id, GRANT).then().statusCode(200);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/audit/verify").then().statusCode(200)
                .body("intact", equalTo(true));
        long seq = db.count("select min(seq) from approval_audit where subject = ? and action = 'request.decided'",
                id.toString());
        try {
            db.update("update approval_audit set actor = 'mallory' where seq = ?", seq);
            throw new AssertionError("the trigger let an UPDATE through");
        } catch (IllegalStateException refused) {
            assertTrue(refused.getCause().getMessage().contains("append-only"), refused.getCause().getMessage());
        }
        String original = "omar";
        try {
            db.update("alter table approval_audit disable trigger approval_audit_no_update_or_delete");
            db.update("update approval_audit set actor = 'mallory' where seq = ?", seq);
            db.update("alter table approval_audit enable trigger approval_audit_no_update_or_delete");
            given().auth().oauth2(Tokens.user("carol")).get("/approvals/audit/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("firstBroken", equalTo((int) seq))
                    .body("reason", containsString("content"));
        } finally {
            db.update("alter table approval_audit disable trigger approval_audit_no_update_or_delete");
            db.update("update approval_audit set actor = ? where seq = ?", original, seq);
            db.update("alter table approval_audit enable trigger approval_audit_no_update_or_delete");
        }
        Response verified = given().auth().oauth2(Tokens.user("carol")).get("/approvals/audit/verify");
        verified.then().statusCode(200).body("intact", equalTo(true));
        // The newest hash it reports is the stored hash of the entry numbered by the count (entries start at 1).
        long entries = verified.jsonPath().getLong("entries");
        assertEquals(1, db.count("select count(*) from approval_audit where seq = ? and hash = ?", entries,
                verified.jsonPath().getString("lastHash")));

        String from = TestClock.now().minus(Duration.ofDays(400)).toString();
        String lines = given().auth().oauth2(Tokens.user("carol")).queryParam("from", from)
                .get("/approvals/audit").then().statusCode(200).contentType("application/x-ndjson")
                .extract().asString();
        List<String> actions = lines.lines().filter(l -> l.contains("\"subject\":\"" + id + "\""))
                .map(l -> {
                    try {
                        return JSON.readTree(l).path("action").asText();
                    } catch (java.io.IOException e) {
                        throw new AssertionError(l, e);
                    }
                }).toList();
        assertEquals(List.of("request.received", "request.decided", "request.granted"), actions);
        String csv = given().auth().oauth2(Tokens.user("carol")).queryParam("from", from).queryParam("format", "csv")
                .get("/approvals/audit").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("seq,recorded_at,actor,action,subject,details,prev_hash,hash"));
        assertTrue(csv.contains("\"" + id + "\""));
        given().auth().oauth2(Tokens.user("carol")).queryParam("from", "yesterday").get("/approvals/audit")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(Tokens.user("alice")).get("/approvals/audit/verify").then().statusCode(403);
        given().auth().oauth2(Tokens.user("carol")).get("/approvals/{id}", id).then()
                .body("stages[0].escalatedTo", org.hamcrest.Matchers.nullValue())
                .body("request.policy", notNullValue());
    }
}
