package io.mops.budget.activation;

import io.mops.common.events.Topics;
import io.mops.testsupport.Envelopes;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestProducer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mops.budget.activation.Activations.activations;
import static io.mops.budget.activation.Activations.campaign;
import static io.mops.budget.activation.Activations.changeBudget;
import static io.mops.budget.activation.Activations.channel;
import static io.mops.budget.activation.Activations.onGoogle;
import static io.mops.budget.activation.Activations.onMeta;
import static io.mops.budget.activation.Activations.platformId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both platforms live, against {@link PlatformStub} answering as Google's and Meta's references document: decisions
 * made through the API or arriving as events on the real Kafka become platform requests, sent with the credentials,
 * retried, refreshed and recorded as their answers say. Each test has its own channel, campaign and platform ids.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@WithTestResource(PlatformStub.class)
class ActivationLiveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CUSTOMER = "1234567890";

    private static String stub() {
        return ConfigProvider.getConfig().getValue("mops.test.platform-stub", String.class);
    }

    private static List<Map<String, Object>> received(String path) {
        return given().baseUri(stub()).queryParam("path", path).get("/_stub/received").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static void script(String path, List<Map<String, Object>> answers) {
        given().baseUri(stub()).contentType(ContentType.JSON).body(Map.of("path", path, "answers", answers))
                .post("/_stub/script").then().statusCode(204);
    }

    private static int tokenGrants() {
        return Integer.parseInt(given().baseUri(stub()).get("/_stub/tokens").then().statusCode(200).extract().asString());
    }

    /** The campaign's requests once none is waiting to be sent any more. */
    private static JsonPath settled(String campaignId, int requests) {
        await().atMost(PATIENCE).until(() -> {
            JsonPath now = activations(campaignId);
            return now.getList("$").size() == requests
                    && now.getList("status", String.class).stream().noneMatch(s -> s.equals("PENDING")
                    || s.equals("SENDING"));
        });
        return activations(campaignId);
    }

    @Test
    void aBudgetChangeSetsTheDailyBudgetOnBothPlatforms() {
        String campaign = campaign(channel(), "1000.00");
        String googleCampaign = platformId();
        String budget = platformId();
        String metaCampaign = platformId();
        onGoogle(campaign, "123-456-7890", googleCampaign, budget);
        onMeta(campaign, metaCampaign);

        changeBudget(campaign, "3100.00");

        JsonPath sent = settled(campaign, 2);
        assertEquals(List.of("SENT", "SENT"), sent.getList("status"));
        // 3,100.00 EUR over the plan's 31 days = 100.00 EUR a day = 100,000,000 micros = 10,000 cents.
        List<Map<String, Object>> google = received("/v17/customers/" + CUSTOMER + "/campaignBudgets:mutate");
        Map<String, Object> mutate = google.stream()
                .filter(r -> r.get("body").toString().contains("campaignBudgets/" + budget)).findFirst().orElseThrow();
        assertEquals("{\"operations\":[{\"updateMask\":\"amountMicros\",\"update\":{\"resourceName\":"
                + "\"customers/" + CUSTOMER + "/campaignBudgets/" + budget + "\",\"amountMicros\":\"100000000\"}}]}",
                mutate.get("body"));
        assertEquals("stub-developer-token", mutate.get("developer-token"));
        assertEquals("1112223333", mutate.get("login-customer-id"));
        assertTrue(mutate.get("authorization").toString().startsWith("Bearer ya29.stub-"), mutate.toString());
        List<Map<String, Object>> meta = received("/v21.0/" + metaCampaign);
        assertEquals(1, meta.size());
        assertEquals("daily_budget=10000", meta.get(0).get("body"));
        assertEquals("Bearer EAAB-stub-token", meta.get(0).get("authorization"));

        // The audit: what was sent, what came back, which attempt.
        JsonPath audit = activations(campaign);
        assertEquals(List.of("BUDGET", "BUDGET"), audit.getList("kind"));
        assertEquals(List.of("CampaignBudgetChanged", "CampaignBudgetChanged"), audit.getList("eventType"));
        String googleRow = "find { it.platform == 'google-ads' }";
        assertEquals(1, audit.getInt(googleRow + ".attempts"));
        assertEquals(200, audit.getInt(googleRow + ".exchanges[0].statusCode"));
        assertEquals("{\"results\":[{\"resourceName\":\"customers/" + CUSTOMER + "/campaignBudgets/" + budget
                + "\"}]}", audit.getString(googleRow + ".exchanges[0].responseBody"));
        assertEquals("{\"success\":true}", audit.getString("find { it.platform == 'meta' }.exchanges[0].responseBody"));
    }

    @Test
    void anExpiredTokenIsRefreshedAndTheRequestSentAgain() {
        String campaign = campaign(channel(), "1000.00");
        String budget = platformId();
        onGoogle(campaign, CUSTOMER, platformId(), budget);
        changeBudget(campaign, "310.00");
        settled(campaign, 1);
        int grants = tokenGrants();

        // Google stops taking the access token the service holds: 401 UNAUTHENTICATED, as for an expired one.
        given().baseUri(stub()).post("/_stub/expire-tokens").then().statusCode(204);
        changeBudget(campaign, "620.00");

        JsonPath audit = settled(campaign, 2);
        String second = "find { it.body.contains('\"amountMicros\":\"20000000\"') }";
        // 620.00 / 31 = 20.00 a day = 20,000,000 micros.
        assertEquals("SENT", audit.getString(second + ".status"));
        assertEquals(2, audit.getInt(second + ".attempts"));
        assertEquals(401, audit.getInt(second + ".exchanges[0].statusCode"));
        assertTrue(audit.getString(second + ".exchanges[0].responseBody").contains("UNAUTHENTICATED"));
        assertEquals(200, audit.getInt(second + ".exchanges[1].statusCode"));
        assertEquals(grants + 1, tokenGrants(), "one new token from the refresh-token grant");
    }

    @Test
    void aRateLimitAnswerIsSentAgainAfterItsRetryAfter() {
        String campaign = campaign(channel(), "1000.00");
        String budget = platformId();
        onGoogle(campaign, CUSTOMER, platformId(), budget);
        String path = "/v17/customers/" + CUSTOMER + "/campaignBudgets:mutate";
        // The stub answers the next request on this path with Google's 429 and a Retry-After of 2 s; the sender's
        // own backoff in this test is 0.2 s, so a second attempt 2 s later is the header's doing.
        script(path, List.of(Map.of("status", 429, "headers", Map.of("Retry-After", "2"),
                "body", "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\"}}")));

        changeBudget(campaign, "3100.00");

        JsonPath audit = settled(campaign, 1);
        assertEquals("SENT", audit.getString("[0].status"));
        assertEquals(List.of(429, 200), audit.getList("[0].exchanges.statusCode"));
        Instant first = Instant.parse(audit.getString("[0].exchanges[0].sentAt"));
        Instant second = Instant.parse(audit.getString("[0].exchanges[1].sentAt"));
        assertTrue(Duration.between(first, second).compareTo(Duration.ofSeconds(2)) >= 0,
                "sent again " + Duration.between(first, second) + " after the 429");
    }

    @Test
    void aRequestThePlatformRefusesIsFailedAndNotSentAgain() throws InterruptedException {
        String campaign = campaign(channel(), "1000.00");
        String metaCampaign = platformId();
        onMeta(campaign, metaCampaign);
        String path = "/v21.0/" + metaCampaign;
        script(path, List.of(Map.of("status", 400, "body",
                "{\"error\":{\"message\":\"(#100) Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,"
                        + "\"error_subcode\":1885272,\"fbtrace_id\":\"AKq3Xz0aB1c\"}}")));

        changeBudget(campaign, "3100.00");

        JsonPath audit = settled(campaign, 1);
        assertEquals("FAILED", audit.getString("[0].status"));
        assertEquals(1, audit.getInt("[0].attempts"));
        assertEquals("400 code 100: (#100) Invalid parameter", audit.getString("[0].lastError"));
        assertEquals(400, audit.getInt("[0].exchanges[0].statusCode"));
        // Longer than the backoff (0.2 s) many times over: a refused request is not sent again.
        Thread.sleep(1500);
        assertEquals(1, received(path).size());
    }

    @Test
    void aWinnerEnablesItsAdAndPausesTheOtherVariantsAds() {
        String experiment = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        String adGroup = platformId();
        String boldAd = platformId();
        String plainAd = platformId();
        String boldMetaAd = platformId();
        String plainMetaAd = platformId();
        String variants = "/budget/activation/experiments/" + experiment + "/variants/";
        for (String[] ad : List.of(new String[]{"bold", boldAd, boldMetaAd}, new String[]{"plain", plainAd, plainMetaAd})) {
            given().auth().oauth2(Activations.CAROL).contentType(ContentType.JSON)
                    .body(Map.of("accountId", CUSTOMER, "adGroupId", adGroup, "adId", ad[1]))
                    .put(variants + ad[0] + "/google-ads").then().statusCode(200);
            given().auth().oauth2(Activations.CAROL).contentType(ContentType.JSON)
                    .body(Map.of("accountId", "act_1029384756", "adId", ad[2]))
                    .put(variants + ad[0] + "/meta").then().statusCode(200);
        }
        String winner = Envelopes.envelope(UUID.randomUUID(), "WinnerDeclared", 1, "testing-service", Instant.now(),
                "experiment:" + experiment, Map.of("experimentKey", experiment, "channel", channel(),
                        "variantKey", "bold", "metric", "conversion", "chanceToBeBest", 0.987,
                        "expectedLoss", 0.00002, "relativeUpliftOverControl", 0.14));

        TestProducer.send(Topics.TESTING_EVENTS, "experiment:" + experiment, winner);

        await().atMost(PATIENCE).until(() -> {
            List<String> statuses = given().auth().oauth2(Activations.CAROL).queryParam("experimentKey", experiment)
                    .get("/budget/activations").then().statusCode(200).extract().jsonPath().getList("status");
            return statuses.size() == 4 && statuses.stream().allMatch("SENT"::equals);
        });
        List<String> google = received("/v17/customers/" + CUSTOMER + "/adGroupAds:mutate").stream()
                .map(r -> r.get("body").toString()).filter(b -> b.contains("adGroupAds/" + adGroup + "~")).toList();
        assertEquals(2, google.size());
        assertTrue(google.contains("{\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":"
                + "\"customers/" + CUSTOMER + "/adGroupAds/" + adGroup + "~" + boldAd + "\",\"status\":\"ENABLED\"}}]}"),
                google.toString());
        assertTrue(google.contains("{\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":"
                + "\"customers/" + CUSTOMER + "/adGroupAds/" + adGroup + "~" + plainAd + "\",\"status\":\"PAUSED\"}}]}"),
                google.toString());
        assertEquals(List.of("status=ACTIVE"), received("/v21.0/" + boldMetaAd).stream().map(r -> r.get("body")).toList());
        assertEquals(List.of("status=PAUSED"), received("/v21.0/" + plainMetaAd).stream().map(r -> r.get("body")).toList());
        // A channel team of another channel sees none of the experiment's requests.
        assertEquals(List.of(), given().auth().oauth2(io.mops.testsupport.Tokens.user("sam"))
                .queryParam("experimentKey", experiment).get("/budget/activations").then().statusCode(200)
                .extract().jsonPath().getList("$"));
    }

    @Test
    void aPauseDeliveredTwiceIsSentOnceAndTheLiftResumesIt() {
        String channel = channel();
        String campaign = campaign(channel, "1000.00");
        String googleCampaign = platformId();
        String metaCampaign = platformId();
        onGoogle(campaign, CUSTOMER, googleCampaign, platformId());
        onMeta(campaign, metaCampaign);
        UUID anomaly = UUID.randomUUID();
        UUID pauseId = UUID.randomUUID();
        String paused = Envelopes.envelope(pauseId, "CampaignSpendPaused", 1, "budget-service", Instant.now(),
                "campaign:" + campaign, Map.of("campaignId", campaign, "channel", channel, "anomalyId",
                        anomaly.toString(), "reason", channel + " spent 412.00 in the hour, 4.1 times its run rate"));

        // The same event twice (a redelivery): one request per platform.
        TestProducer.send(Topics.BUDGET_EVENTS, "campaign:" + campaign, paused);
        TestProducer.send(Topics.BUDGET_EVENTS, "campaign:" + campaign, paused);
        JsonPath audit = settled(campaign, 2);
        assertEquals(List.of("PAUSE", "PAUSE"), audit.getList("kind"));
        assertEquals(List.of("SENT", "SENT"), audit.getList("status"));
        String googleStatus = "/v17/customers/" + CUSTOMER + "/campaigns:mutate";
        List<Map<String, Object>> google = received(googleStatus).stream()
                .filter(r -> r.get("body").toString().contains("campaigns/" + googleCampaign)).toList();
        assertEquals(1, google.size());
        assertEquals("{\"operations\":[{\"updateMask\":\"status\",\"update\":{\"resourceName\":\"customers/"
                + CUSTOMER + "/campaigns/" + googleCampaign + "\",\"status\":\"PAUSED\"}}]}", google.get(0).get("body"));
        assertEquals(List.of("status=PAUSED"), received("/v21.0/" + metaCampaign).stream().map(r -> r.get("body"))
                .toList());

        // A person resolves the anomaly: the containment's lift resumes the campaign on both platforms.
        String lifted = Envelopes.envelope(UUID.randomUUID(), "ContainmentLifted", 1, "budget-service", Instant.now(),
                "channel:" + channel, Map.of("anomalyId", anomaly.toString(), "channel", channel,
                        "action", "PAUSE_CAMPAIGN_SPEND", "campaignIds", List.of(campaign), "liftedBy", "carol",
                        "liftedAt", Instant.now().toString(), "comment", "bid cap fixed"));
        TestProducer.send(Topics.BUDGET_EVENTS, "channel:" + channel, lifted);
        JsonPath after = settled(campaign, 4);
        assertEquals(2, after.getList("findAll { it.kind == 'RESUME' && it.status == 'SENT' }").size());
        assertEquals(List.of("status=PAUSED", "status=ACTIVE"), received("/v21.0/" + metaCampaign).stream()
                .map(r -> r.get("body")).toList());
        assertTrue(received(googleStatus).stream().anyMatch(r -> r.get("body").toString()
                .contains("campaigns/" + googleCampaign + "\",\"status\":\"ENABLED\"")));
        assertFalse(after.getList("eventId").contains(null));
    }
}
