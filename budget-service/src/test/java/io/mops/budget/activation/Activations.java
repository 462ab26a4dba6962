package io.mops.budget.activation;

import io.mops.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Test helpers: a campaign of a channel of its own, mapped to platform campaigns, through the API as the CoE does. */
final class Activations {

    static final String CAROL = Tokens.user("carol");

    private Activations() {
    }

    static String channel() {
        return "act-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Digits no other test uses. */
    static String platformId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    }

    /**
     * A campaign of {@code budget} EUR in a plan of 31 days starting tomorrow: its daily budget on a platform is
     * budget / 31, whatever day the test runs.
     */
    static String campaign(String channel, String budget) {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Map<String, Object> plan = new HashMap<>();
        plan.put("name", "Activation " + channel);
        plan.put("currency", "EUR");
        plan.put("total", "10000.00");
        plan.put("periodStart", tomorrow.toString());
        plan.put("periodEnd", tomorrow.plusDays(30).toString());
        plan.put("allocations", Map.of(channel, "9000.00"));
        String planId = given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(plan)
                .post("/budget/plans").then().statusCode(201).extract().path("id");
        return given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("channel", channel, "name", channel + " campaign", "amount", budget))
                .post("/budget/plans/" + planId + "/campaigns").then().statusCode(201).extract().path("id");
    }

    static void onGoogle(String campaignId, String customerId, String platformCampaignId, String budgetId) {
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("accountId", customerId, "platformCampaignId", platformCampaignId,
                        "campaignBudgetId", budgetId))
                .put("/budget/activation/campaigns/" + campaignId + "/google-ads").then().statusCode(200);
    }

    static void onMeta(String campaignId, String platformCampaignId) {
        given().auth().oauth2(CAROL).contentType(ContentType.JSON)
                .body(Map.of("accountId", "act_1029384756", "platformCampaignId", platformCampaignId))
                .put("/budget/activation/campaigns/" + campaignId + "/meta").then().statusCode(200);
    }

    static void changeBudget(String campaignId, String amount) {
        given().auth().oauth2(CAROL).contentType(ContentType.JSON).body(Map.of("amount", amount))
                .put("/budget/campaigns/" + campaignId + "/budget").then().statusCode(200);
    }

    static JsonPath activations(String campaignId) {
        return given().auth().oauth2(CAROL).queryParam("campaignId", campaignId).get("/budget/activations")
                .then().statusCode(200).extract().jsonPath();
    }
}
