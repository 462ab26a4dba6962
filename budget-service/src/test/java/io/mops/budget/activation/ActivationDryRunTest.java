package io.mops.budget.activation;

import io.mops.common.events.Topics;
import io.mops.testsupport.Envelopes;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.TestProducer;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mops.budget.activation.Activations.CAROL;
import static io.mops.budget.activation.Activations.activations;
import static io.mops.budget.activation.Activations.campaign;
import static io.mops.budget.activation.Activations.changeBudget;
import static io.mops.budget.activation.Activations.channel;
import static io.mops.budget.activation.Activations.onGoogle;
import static io.mops.budget.activation.Activations.onMeta;
import static io.mops.budget.activation.Activations.platformId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default configuration: every platform in dry-run — requests are built and recorded, nothing is sent — and who
 * may map campaigns and read what was sent.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class ActivationDryRunTest {

    private static final String SAM = Tokens.user("sam");

    @Test
    void byDefaultRequestsAreRecordedAndNothingIsSent() throws InterruptedException {
        String campaign = campaign(channel(), "1000.00");
        String budget = platformId();
        String metaCampaign = platformId();
        onGoogle(campaign, "1234567890", platformId(), budget);
        onMeta(campaign, metaCampaign);

        changeBudget(campaign, "3100.00");

        await().atMost(Duration.ofSeconds(60)).until(() -> activations(campaign).getList("$").size() == 2);
        // Several of the sender's rounds (200 ms each in tests): it sends nothing of a dry-run platform.
        Thread.sleep(1000);
        JsonPath audit = activations(campaign);
        assertEquals(List.of("DRY_RUN", "DRY_RUN"), audit.getList("status"));
        assertEquals(List.of(0, 0), audit.getList("attempts"));
        assertEquals(List.of(List.of(), List.of()), audit.getList("exchanges"));
        String google = "find { it.platform == 'google-ads' }";
        assertEquals("https://googleads.googleapis.com/v17/customers/1234567890/campaignBudgets:mutate",
                audit.getString(google + ".url"));
        assertEquals("{\"operations\":[{\"updateMask\":\"amountMicros\",\"update\":{\"resourceName\":"
                + "\"customers/1234567890/campaignBudgets/" + budget + "\",\"amountMicros\":\"100000000\"}}]}",
                audit.getString(google + ".body"));
        assertEquals("https://graph.facebook.com/v21.0/" + metaCampaign,
                audit.getString("find { it.platform == 'meta' }.url"));
        assertEquals("daily_budget=10000", audit.getString("find { it.platform == 'meta' }.body"));
        assertNull(audit.get("[0].nextAttemptAt"));
    }

    @Test
    void aCampaignOnNoPlatformSendsNothing() {
        String campaign = campaign(channel(), "1000.00");
        changeBudget(campaign, "2000.00");
        String other = campaign(channel(), "1000.00");
        onMeta(other, platformId());
        changeBudget(other, "2000.00");
        // Events of one topic arrive in order per partition, not across them: wait for the later campaign's request,
        // then the first campaign's event has long been consumed too (same consumer, seconds apart).
        await().atMost(Duration.ofSeconds(60)).until(() -> activations(other).getList("$").size() == 1);
        assertEquals(List.of(), activations(campaign).getList("$"));
    }

    @Test
    void aChannelTeamReadsOnlyItsOwnChannelsRequests() {
        String campaign = campaign(channel(), "1000.00");
        given().auth().oauth2(SAM).queryParam("campaignId", campaign).get("/budget/activations")
                .then().statusCode(403);
        given().auth().oauth2(SAM).get("/budget/activation/campaigns/" + campaign).then().statusCode(403);
        List<String> channels = given().auth().oauth2(SAM).get("/budget/activations").then().statusCode(200)
                .extract().jsonPath().getList("channel");
        assertTrue(channels.stream().allMatch("search"::equals), channels.toString());
    }

    @Test
    void onlyTheCoeMapsCampaignsAndEachPlatformItsOwnIds() {
        String campaign = campaign(channel(), "1000.00");
        String path = "/budget/activation/campaigns/" + campaign + "/";
        given().auth().oauth2(SAM).contentType(ContentType.JSON)
                .body(Map.of("accountId", "act_1", "platformCampaignId", "1")).put(path + "meta")
                .then().statusCode(403);
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("accountId", "1234567890", "platformCampaignId", "1")).put(path + "google-ads")
                .then().statusCode(400).body("violations[0].field", equalTo("campaignBudgetId"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("accountId", "1234567890", "platformCampaignId", "1")).put(path + "meta")
                .then().statusCode(400).body("violations[0].field", equalTo("accountId"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("accountId", "act_1", "platformCampaignId", "1")).put(path + "tiktok")
                .then().statusCode(400).body("violations[0].field", equalTo("platform"));
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("accountId", "act_1", "platformCampaignId", "one")).put(path + "meta")
                .then().statusCode(400);
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("accountId", "1234567890", "adId", "1"))
                .put("/budget/activation/experiments/exp-1/variants/bold/google-ads")
                .then().statusCode(400).body("violations[0].field", equalTo("adGroupId"));
        given().auth().oauth2(SAM).contentType(ContentType.JSON).body(Map.of("accountId", "act_1", "adId", "1"))
                .put("/budget/activation/experiments/exp-1/variants/bold/meta").then().statusCode(403);
        onMeta(campaign, "42");
        given().auth().oauth2(CAROL).get(path.substring(0, path.length() - 1)).then().statusCode(200)
                .body("[0].platform", equalTo("meta")).body("[0].platformCampaignId", equalTo("42"));
    }

    /**
     * A revoked clearance pauses the campaign on its platforms and the next clearance resumes it; funding never
     * lifts a pause of the risk guard, which only its containment's lift does.
     */
    @Test
    void aRevokedClearancePausesTheCampaignAndTheNextClearanceResumesItButNotTheGuardsPause() {
        String channel = channel();
        String campaign = campaign(channel, "1000.00");
        String planId = given().auth().oauth2(CAROL).get("/budget/campaigns/" + campaign).then().statusCode(200)
                .extract().path("planId");
        onMeta(campaign, platformId());

        budgetEvent(campaign, "CampaignDefunded", data("campaignId", campaign, "planId", planId, "channel", channel,
                "campaignKey", "key-" + channel, "amount", "1000.00", "spent", "0", "currency", "EUR",
                "clearedByRunId", UUID.randomUUID().toString(), "revokedByRunId", UUID.randomUUID().toString(),
                "reason", "the content changed", "defundedAt", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> activations(campaign).getList("$").size() == 1);
        assertEquals("PAUSE", activations(campaign).getString("[0].kind"));
        assertEquals("status=PAUSED", activations(campaign).getString("[0].body"));

        budgetEvent(campaign, "CampaignFunded", funded(campaign, planId, channel));
        await().atMost(Duration.ofSeconds(60)).until(() -> activations(campaign).getList("$").size() == 3);
        assertEquals(List.of("BUDGET", "PAUSE", "RESUME"), kinds(campaign));

        budgetEvent(campaign, "CampaignSpendPaused", Map.of("campaignId", campaign, "channel", channel,
                "anomalyId", UUID.randomUUID().toString(), "reason", "spend 4 times its run rate"));
        await().atMost(Duration.ofSeconds(60)).until(() -> activations(campaign).getList("$").size() == 4);
        budgetEvent(campaign, "CampaignFunded", funded(campaign, planId, channel));
        await().atMost(Duration.ofSeconds(60)).until(() -> activations(campaign).getList("$").size() >= 5);
        assertEquals(List.of("BUDGET", "BUDGET", "PAUSE", "PAUSE", "RESUME"), kinds(campaign),
                "the guard's pause stays: funding sends the budget only");
    }

    private static Map<String, Object> funded(String campaign, String planId, String channel) {
        return Map.of("campaignId", campaign, "planId", planId, "channel", channel, "campaignKey", "key-" + channel,
                "amount", "1000.00", "currency", "EUR", "qaRunId", UUID.randomUUID().toString(),
                "fundedAt", Instant.now().toString());
    }

    private static Map<String, Object> data(String... keysAndValues) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    private static void budgetEvent(String campaign, String type, Map<String, Object> data) {
        TestProducer.send(Topics.BUDGET_EVENTS, "campaign:" + campaign, Envelopes.envelope(UUID.randomUUID(), type, 1,
                "budget-service", Instant.now(), "campaign:" + campaign, data));
    }

    private static List<String> kinds(String campaign) {
        return activations(campaign).<String>getList("kind").stream().sorted().toList();
    }
}
