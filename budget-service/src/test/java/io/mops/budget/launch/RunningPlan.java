package io.mops.budget.launch;

import io.mops.testsupport.Tokens;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * A plan running today (from ten days ago to twenty days ahead, 10,000 EUR) with 5,000 allocated to one channel of a
 * test's own, made by the CoE through the API: the set-up of the launch-control tests.
 */
record RunningPlan(String planId, String channel) {

    /** @param prefix names the test in the channel key and the plan's name */
    static RunningPlan create(String prefix) {
        String channel = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, Object> draft = new HashMap<>();
        draft.put("name", prefix + " " + channel);
        draft.put("currency", "EUR");
        draft.put("total", "10000");
        draft.put("periodStart", today.minusDays(10).toString());
        draft.put("periodEnd", today.plusDays(20).toString());
        draft.put("allocations", Map.of(channel, "5000"));
        String planId = given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(draft)
                .post("/budget/plans").then().statusCode(201).extract().path("id");
        return new RunningPlan(planId, channel);
    }
}
