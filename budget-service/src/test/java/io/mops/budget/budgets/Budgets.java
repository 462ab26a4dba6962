package io.mops.budget.budgets;

import io.mops.testsupport.Tokens;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Test helpers: plans and campaigns created through the API, as the CoE and channel teams would. */
final class Budgets {

    static final String PLANS = "/budget/plans";

    private Budgets() {
    }

    static Map<String, Object> december(String total, Map<String, Object> allocations) {
        Map<String, Object> draft = new HashMap<>();
        draft.put("name", "December");
        draft.put("currency", "EUR");
        draft.put("total", total);
        draft.put("month", "2026-12");
        draft.put("allocations", allocations);
        return draft;
    }

    static String createPlan(Map<String, Object> draft) {
        return given().auth().oauth2(Tokens.user("carol"))
                .contentType(ContentType.JSON).body(draft).post(PLANS)
                .then().statusCode(201).extract().path("id");
    }

    static String createCampaign(String planId, String token, String channel, String amount) {
        return given().auth().oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("channel", channel, "name", channel + " campaign", "amount", amount))
                .post(PLANS + "/" + planId + "/campaigns")
                .then().statusCode(201).extract().path("id");
    }
}
