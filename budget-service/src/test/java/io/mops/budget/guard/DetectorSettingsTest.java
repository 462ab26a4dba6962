package io.mops.budget.guard;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class DetectorSettingsTest {

    static final String COE = Tokens.user("carol");

    private static io.restassured.response.ValidatableResponse put(String detector, Object body) {
        return given().auth().oauth2(COE).contentType(ContentType.JSON).body(body)
                .put("/budget/guard/detectors/" + detector).then();
    }

    @Test
    void theCoeSetsADetectorsThresholdsAndEveryChangeIsKept() {
        // A value of its own, so that the history's newest entry is this test's even on a shared database.
        double h = 4 + ThreadLocalRandom.current().nextInt(1, 1000) / 1000.0;
        put("performance-shift", Map.of("thresholds", Map.of("h", h), "action", "ALERT_ONLY")).statusCode(200)
                .body("thresholds.h", equalTo((float) h)).body("thresholds.k", equalTo(0.5f))
                .body("action", equalTo("ALERT_ONLY")).body("changedBy", equalTo("carol"));
        given().auth().oauth2(COE).get("/budget/guard/detectors").then().statusCode(200)
                .body("detector", hasItem("tracking-breakage"));
        given().auth().oauth2(COE).get("/budget/guard/detectors/performance-shift/history?size=1").then()
                .statusCode(200).body("[0].changedBy", equalTo("carol"))
                .body("[0].after.thresholds.h", equalTo((float) h)).body("[0].after.action", equalTo("ALERT_ONLY"));
        put("performance-shift", Map.of("action", "FREEZE_CHANNEL")).statusCode(200)
                .body("thresholds.h", equalTo(5.0f));
        given().auth().oauth2(COE).get("/budget/guard/detectors/performance-shift/history?size=1").then()
                .body("[0].before.thresholds.h", equalTo((float) h)).body("[0].after.thresholds.h", equalTo(5.0f));
    }

    @Test
    void aThresholdOutOfRangeOrAnActionUnknownForTheDetectorIsAProblemNamingTheField() {
        put("tracking-breakage", Map.of("thresholds", Map.of("maxProbability", 0.5))).statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("thresholds.maxProbability"));
        put("tracking-breakage", Map.of("thresholds", Map.of("sensitivity", 3))).statusCode(400)
                .body("violations[0].field", equalTo("thresholds.sensitivity"));
        // Pausing spend is no answer to a shift of cost per conversion; the detector does not offer it.
        put("performance-shift", Map.of("action", "PAUSE_CAMPAIGN_SPEND")).statusCode(400)
                .body("violations[0].field", equalTo("action"));
        put("spend-runaway", Map.of("action", "SHUT_DOWN")).statusCode(400)
                .body("violations[0].field", equalTo("action"));
        put("no-such-detector", Map.of()).statusCode(404);
    }

    @Test
    void onlyTheCoeSeesOrSetsDetectors() {
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/budget/guard/detectors").then()
                .statusCode(403);
        given().auth().oauth2(Tokens.user("alice")).contentType(ContentType.JSON).body(Map.of())
                .put("/budget/guard/detectors/spend-runaway").then().statusCode(403);
    }
}
