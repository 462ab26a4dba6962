package io.mops.qa.links;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links resolved through the running service against a web site on the loopback address (the only host %test
 * allows), and the CoE's dismissal of a finding that needs review.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class LinkCheckApiTest {

    private static final String TAGS = "utm_source=newsletter&utm_medium=email&utm_campaign=2026-11-black-friday-us";
    private static final String SHOP_LINK =
            "https://www.northwind.example/winter-jackets?" + TAGS;
    private static final String HOME_LINK = "https://www.northwind.example/?" + TAGS;
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSite site = new LocalSite();

    @AfterEach
    void stop() {
        site.close();
    }

    private ObjectNode campaignLinkingTo(String url) {
        ObjectNode campaign = sample("good-email-black-friday-us");
        ObjectNode email = (ObjectNode) campaign.at("/creatives/email");
        String html = email.get("html").asText();
        assertTrue(html.contains(SHOP_LINK), "the sample links to the winter jackets");
        email.put("html", html.replace(SHOP_LINK, url));
        return campaign;
    }

    /** The sample with its two page links replaced, under a campaign id of its own. */
    private ObjectNode campaignLinkingTo(String shop, String home) {
        ObjectNode campaign = campaignLinkingTo(shop);
        ObjectNode email = (ObjectNode) campaign.at("/creatives/email");
        email.put("html", email.get("html").asText().replace(HOME_LINK, home));
        campaign.put("campaignId", "links-" + UUID.randomUUID());
        return campaign;
    }

    private static boolean is(ConsumerRecord<String, String> record, String type, String campaignId) {
        return ("campaign:" + campaignId).equals(record.key()) && record.value().contains("\"type\":\"" + type + "\"");
    }

    private static ValidatableResponse submit(ObjectNode campaign) {
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                .body(campaign).post("/qa/runs").then();
    }

    private static String ruleSet;

    /**
     * A rule set of the test's own: the bundled default without {@code tracking.https}, which warns about the local
     * site's plain-http links; under it the links that need review are a run's only warnings.
     */
    private static synchronized String withoutHttpsRule() throws Exception {
        if (ruleSet == null) {
            String name = "links-test-" + UUID.randomUUID().toString().substring(0, 8);
            try (var in = LinkCheckApiTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
                ObjectNode document = (ObjectNode) JSON.readTree(in);
                document.put("name", name);
                ((ObjectNode) document.at("/rules/tracking.https")).put("enabled", false);
                given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(document.toString())
                        .post("/qa/rule-sets").then().statusCode(201);
            }
            ruleSet = name;
        }
        return ruleSet;
    }

    private static ValidatableResponse submitWithoutHttpsRule(ObjectNode campaign) throws Exception {
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                .queryParam("ruleSet", withoutHttpsRule()).body(campaign).post("/qa/runs").then();
    }

    private static ValidatableResponse dismiss(String token, String runId, int index, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/qa/runs/" + runId + "/findings/" + index + "/dismissal").then();
    }

    @Test
    void aBrokenLinkBlocksTheLaunch() {
        submit(campaignLinkingTo(site.url("/gone?" + TAGS)))
                .statusCode(201)
                .body("verdict", equalTo("blocked"))
                .body("findings.find { it.ruleId == 'links.resolves' && it.severity == 'block' }.message",
                        containsString("is broken: 404"));
        assertEquals(1, site.requestsTo("/gone").size());
    }

    @Test
    void aLinkThatCannotBeDecidedNeedsReviewAndTheCoeDismissesItWithAReason() {
        site.status("/down", 503);
        JsonPath run = submit(campaignLinkingTo(site.url("/down?" + TAGS)))
                .statusCode(201)
                .body("verdict", equalTo("needs-approval"))
                .extract().jsonPath();
        String runId = run.getString("id");
        List<Map<String, Object>> findings = run.getList("findings");
        int index = indexOf(findings, f -> Boolean.TRUE.equals(f.get("needsReview")));
        assertEquals("links.resolves", findings.get(index).get("ruleId"));
        assertEquals("warn", findings.get(index).get("severity"));
        int decided = indexOf(findings, f -> !Boolean.TRUE.equals(f.get("needsReview")));
        String carol = Tokens.user("carol");

        dismiss(Tokens.serviceAccount("channel-email"), runId, index, Map.of("reason", "works for me"))
                .statusCode(403);
        dismiss(carol, runId, index, Map.of("reason", " ")).statusCode(400)
                .contentType("application/problem+json").body(containsString("reason"));
        dismiss(carol, runId, index, Map.of()).statusCode(400).body(containsString("reason"));
        dismiss(carol, runId, decided, Map.of("reason", "not mine to dismiss")).statusCode(409);
        dismiss(carol, runId, findings.size(), Map.of("reason", "no such finding")).statusCode(404);

        dismiss(carol, runId, index, Map.of("reason", "Opened it by hand: the store locator loads."))
                .statusCode(200)
                .body("findings[" + index + "].dismissal.by", equalTo("carol"))
                .body("findings[" + index + "].dismissal.reason", equalTo("Opened it by hand: the store locator loads."))
                // The local link is plain http, a warning its check decided (tracking.https): that one still counts.
                .body("verdict", equalTo("needs-approval"));
        dismiss(carol, runId, index, Map.of("reason", "again")).statusCode(409);

        given().auth().oauth2(Tokens.serviceAccount("channel-email")).get("/qa/runs/" + runId).then()
                .statusCode(200)
                .body("findings[" + index + "].dismissal.by", equalTo("carol"))
                .body("findings[" + decided + "].dismissal", nullValue());
    }

    @Test
    void dismissingTheLastFindingThatNeedsReviewPassesTheRunAndClearsTheCampaign() throws Exception {
        site.status("/down", 503);
        site.status("/busy", 503);
        ObjectNode campaign = campaignLinkingTo(site.url("/down?" + TAGS), site.url("/busy?" + TAGS));
        String campaignId = campaign.get("campaignId").asText();
        String carol = Tokens.user("carol");
        try (TopicTap tap = TopicTap.open(Topics.QA_EVENTS)) {
            JsonPath run = submitWithoutHttpsRule(campaign).statusCode(201).body("verdict", equalTo("needs-approval"))
                    .extract().jsonPath();
            String runId = run.getString("id");
            List<Map<String, Object>> findings = run.getList("findings");
            List<Integer> undecided = indexesOf(findings, f -> Boolean.TRUE.equals(f.get("needsReview")));
            assertEquals(2, undecided.size(), findings.toString());
            // Nothing else in the sample warns: the two links that could not be decided are why a person must look.
            assertEquals(2, findings.stream().filter(f -> "warn".equals(f.get("severity"))).count(), findings.toString());

            dismiss(carol, runId, undecided.get(0), Map.of("reason", "The shop page loads for me."))
                    .statusCode(200).body("verdict", equalTo("needs-approval"));
            assertEquals(0, tap.collect(r -> is(r, "CampaignCleared", campaignId), Duration.ofSeconds(2)).size());

            dismiss(carol, runId, undecided.get(1), Map.of("reason", "The home page loads for me."))
                    .statusCode(200).body("verdict", equalTo("pass"));
            JsonNode cleared = JSON.readTree(tap.await(r -> is(r, "CampaignCleared", campaignId), PATIENCE).value())
                    .get("data");
            assertEquals(runId, cleared.get("qaRunId").asText());
            assertEquals("pass", cleared.get("verdict").asText());
            assertEquals(run.getString("inputDigest"), cleared.get("contentHash").asText());
            assertTrue(cleared.get("approvalId").isNull(), cleared.toString());
            assertEquals(1, tap.collect(r -> is(r, "CampaignCleared", campaignId), Duration.ofSeconds(2)).size());
        }
        given().auth().oauth2(Tokens.serviceAccount("channel-email")).get("/qa/runs/" + runId(campaignId)).then()
                .statusCode(200).body("verdict", equalTo("pass"));
    }

    @Test
    void twoDismissalsAtTheSameMomentBothCount() throws Exception {
        site.status("/down", 503);
        site.status("/busy", 503);
        JsonPath run = submitWithoutHttpsRule(campaignLinkingTo(site.url("/down?" + TAGS), site.url("/busy?" + TAGS)))
                .statusCode(201).body("verdict", equalTo("needs-approval")).extract().jsonPath();
        String runId = run.getString("id");
        List<Integer> undecided = indexesOf(run.getList("findings"), f -> Boolean.TRUE.equals(f.get("needsReview")));
        assertEquals(2, undecided.size());
        String carol = Tokens.user("carol");
        var both = undecided.stream().map(index -> java.util.concurrent.CompletableFuture.supplyAsync(
                () -> dismiss(carol, runId, index, Map.of("reason", "Loads for me.")).extract().statusCode())).toList();
        assertEquals(List.of(200, 200), both.stream().map(java.util.concurrent.CompletableFuture::join).toList());
        given().auth().oauth2(carol).get("/qa/runs/" + runId).then().statusCode(200)
                .body("verdict", equalTo("pass"));
    }

    @Test
    void aDismissalLeavesABlockedRunBlocked() throws Exception {
        site.status("/down", 503);
        JsonPath run = submitWithoutHttpsRule(campaignLinkingTo(site.url("/down?" + TAGS), site.url("/gone?" + TAGS)))
                .statusCode(201).body("verdict", equalTo("blocked")).extract().jsonPath();
        int index = indexesOf(run.getList("findings"), f -> Boolean.TRUE.equals(f.get("needsReview"))).get(0);
        dismiss(Tokens.user("carol"), run.getString("id"), index, Map.of("reason", "The shop page loads for me."))
                .statusCode(200).body("verdict", equalTo("blocked"));
    }

    @Test
    void aRunReplacedByANewerOneDoesNotClearTheCampaignWhenItsFindingIsDismissed() throws Exception {
        site.status("/down", 503);
        ObjectNode campaign = campaignLinkingTo(site.url("/down?" + TAGS), HOME_LINK);
        String campaignId = campaign.get("campaignId").asText();
        try (TopicTap tap = TopicTap.open(Topics.QA_EVENTS)) {
            JsonPath older = submitWithoutHttpsRule(campaign).statusCode(201)
                    .body("verdict", equalTo("needs-approval")).extract().jsonPath();
            submitWithoutHttpsRule(campaign).statusCode(201).body("verdict", equalTo("needs-approval"));
            int index = indexesOf(older.getList("findings"), f -> Boolean.TRUE.equals(f.get("needsReview"))).get(0);

            dismiss(Tokens.user("carol"), older.getString("id"), index, Map.of("reason", "The page loads for me."))
                    .statusCode(200).body("verdict", equalTo("pass"));
            assertEquals(0, tap.collect(r -> is(r, "CampaignCleared", campaignId), Duration.ofSeconds(3)).size());
        }
    }

    private static String runId(String campaignId) {
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).queryParam("campaignId", campaignId)
                .get("/qa/runs").then().statusCode(200).extract().path("[0].id");
    }

    @Test
    void linksOutsideTheAllowedHostsAreNeverRequestedInTests() {
        submit(sample("good-email-black-friday-us"))
                .statusCode(201)
                .body("verdict", equalTo("pass"))
                .body("findings.findAll { it.ruleId == 'links.resolves' }.message",
                        hasItem(containsString("on names reserved for documentation and tests (RFC 2606) not requested")));
    }

    private static List<Integer> indexesOf(List<Map<String, Object>> findings,
                                           java.util.function.Predicate<Map<String, Object>> p) {
        List<Integer> indexes = new java.util.ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            if (p.test(findings.get(i))) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static int indexOf(List<Map<String, Object>> findings, java.util.function.Predicate<Map<String, Object>> p) {
        for (int i = 0; i < findings.size(); i++) {
            if (p.test(findings.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such finding in " + findings);
    }
}
