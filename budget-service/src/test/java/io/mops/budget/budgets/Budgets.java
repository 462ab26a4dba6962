package io.mops.budget.budgets;

import io.mops.testsupport.Tokens;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

    /**
     * A plan of 31 days starting tomorrow: the optimiser moves what is left of a plan over the days left, so a plan
     * that has not started is judged whole (31/7 weeks of evidence) whatever day the test runs.
     */
    static Map<String, Object> monthAhead(String total, Map<String, Object> allocations) {
        Map<String, Object> draft = new HashMap<>();
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        draft.put("name", "Month ahead");
        draft.put("currency", "EUR");
        draft.put("total", total);
        draft.put("periodStart", tomorrow.toString());
        draft.put("periodEnd", tomorrow.plusDays(30).toString());
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
