package io.mops.testing.trackrecord;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.commons.numbers.gamma.LogBeta;
import org.apache.commons.numbers.gamma.LogGamma;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A declared winner, rolled out and measured: an experiment in a channel of its own runs on seeded Bernoulli traffic
 * from known true rates, the bandit concludes it, and traffic from the winner's true rate follows. The track record
 * must hold the rate the test sent, against a 90 % interval computed here from the beta-binomial's closed form.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
class TrackRecordResourceTest {

    private static final String PATH = "/experiments/track-record";
    private static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);
    private static final String COE = Tokens.user("carol");
    private static final String EMAIL = Tokens.serviceAccount("channel-email");

    private static final double CONTROL_RATE = 0.10;
    private static final double BOLD_RATE = 0.30;
    private static final int UNITS_PER_VARIANT = 500;
    /** At least the test profile's mops.testing.track-record.min-units (200). */
    private static final int UNITS_AFTER = 300;

    private static JsonPath trackRecord(String token, Map<String, String> query) {
        return given().auth().oauth2(token).queryParams(query).get(PATH)
                .then().statusCode(200).extract().jsonPath().using(DOUBLES);
    }

    /** Exposes the units to the variant and converts each with probability {@code rate}; returns the converted. */
    private static List<String> serve(String key, String variant, List<String> units, double rate,
                                      SplittableRandom rng) {
        List<Map<String, String>> exposures = new ArrayList<>();
        List<Map<String, String>> outcomes = new ArrayList<>();
        for (String unit : units) {
            exposures.add(Map.of("unitId", unit, "variant", variant));
            if (rng.nextDouble() < rate) {
                outcomes.add(Map.of("unitId", unit));
            }
        }
        given().auth().oauth2(COE).contentType(ContentType.JSON).body(Map.of("exposures", exposures))
                .post("/experiments/" + key + "/exposures").then().statusCode(200)
                .body("recorded", equalTo(units.size()));
        if (!outcomes.isEmpty()) {
            given().auth().oauth2(COE).contentType(ContentType.JSON).body(Map.of("outcomes", outcomes))
                    .post("/experiments/" + key + "/outcomes").then().statusCode(200);
        }
        return outcomes.stream().map(o -> o.get("unitId")).toList();
    }

    private static List<String> units(String prefix, int count) {
        List<String> units = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            units.add(prefix + "-" + i);
        }
        return units;
    }

    @Test
    void aRolledOutWinnerIsHeldToItsForecastOnTheTrafficItRealised() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String channel = "trk-" + suffix;
        String key = "trk-exp-" + suffix;
        given().auth().oauth2(COE).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "Track record " + suffix, "channel", channel,
                        "baseline", CONTROL_RATE, "minimumDetectableEffect", 1.0))
                .post("/experiments").then().statusCode(201);
        given().auth().oauth2(COE).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("key", "control"), Map.of("key", "bold"))))
                .put("/experiments/" + key + "/variants").then().statusCode(200);
        given().auth().oauth2(COE).contentType(ContentType.JSON).body(Map.of("status", "RUNNING"))
                .post("/experiments/" + key + "/status").then().statusCode(200);

        SplittableRandom rng = new SplittableRandom(20261206L);
        List<String> controlConverted = serve(key, "control", units("control", UNITS_PER_VARIANT), CONTROL_RATE, rng);
        int boldConverted = serve(key, "bold", units("bold", UNITS_PER_VARIANT), BOLD_RATE, rng).size();
        given().auth().oauth2(COE).post("/experiments/" + key + "/reallocations")
                .then().statusCode(200).body("decision.winner", equalTo("bold"));
        given().auth().oauth2(COE).get("/experiments/" + key).then().statusCode(200)
                .body("experiment.status", equalTo("CONCLUDED"));

        // Not realised yet: the forecast is the posterior's, Beta(1 + converted, 1 + not converted) from a uniform
        // prior on the one allocation period the experiment ran in.
        double alpha = 1 + boldConverted;
        double beta = 1 + UNITS_PER_VARIANT - boldConverted;
        JsonPath pending = trackRecord(COE, Map.of("channel", channel));
        assertEquals(List.of(key), pending.getList("decisions.id"));
        assertEquals(alpha / (alpha + beta), pending.getDouble("decisions[0].forecast.value"), 1e-12);
        assertNull(pending.get("decisions[0].realised"));
        assertEquals(1, pending.getInt("calibration.pending"));

        // The rollout: everyone gets the winner, a unit that saw the control during the experiment too.
        given().auth().oauth2(COE).contentType(ContentType.JSON)
                .body(Map.of("unitIds", List.of("control-0", "bold-0", "newcomer")))
                .post("/experiments/" + key + "/assignments/bulk").then().statusCode(200)
                .body("assignments.variant", everyItem(equalTo("bold")));
        given().auth().oauth2(COE).contentType(ContentType.JSON).body(Map.of("unitId", "control-1"))
                .post("/experiments/" + key + "/assignments").then().statusCode(200)
                .body("variant", equalTo("bold"));
        int convertedAfter = serve(key, "bold", units("after", UNITS_AFTER), BOLD_RATE, rng).size();
        // A delivery system that has not switched yet: its exposures are kept but are not the winner's realisation.
        serve(key, "control", units("stale", 20), 1.0, rng);
        // A late conversion of a unit exposed during the experiment counts for the experiment.
        String late = units("control", UNITS_PER_VARIANT).stream().filter(u -> !controlConverted.contains(u))
                .findFirst().orElseThrow();
        given().auth().oauth2(COE).contentType(ContentType.JSON)
                .body(Map.of("outcomes", List.of(Map.of("unitId", late))))
                .post("/experiments/" + key + "/outcomes").then().statusCode(200);
        // A unit from the experiment seen again keeps its first exposure: it is not a unit of the rollout.
        given().auth().oauth2(COE).contentType(ContentType.JSON)
                .body(Map.of("exposures", List.of(Map.of("unitId", "control-1", "variant", "bold"))))
                .post("/experiments/" + key + "/exposures").then().statusCode(200)
                .body("recorded", equalTo(0)).body("alreadyExposed", equalTo(1));

        // The experiment's readout is still the evidence the winner was declared on, plus the late conversion.
        given().auth().oauth2(COE).get("/experiments/" + key + "/results").then().statusCode(200)
                .body("readout.variants.find { it.variantKey == 'bold' }.exposures", equalTo(UNITS_PER_VARIANT))
                .body("readout.variants.find { it.variantKey == 'bold' }.conversions", equalTo(boldConverted))
                .body("readout.variants.find { it.variantKey == 'control' }.exposures", equalTo(UNITS_PER_VARIANT))
                .body("readout.variants.find { it.variantKey == 'control' }.conversions",
                        equalTo(controlConverted.size() + 1))
                .body("rollout.units", equalTo(UNITS_AFTER + 20))
                .body("rollout.winnerUnits", equalTo(UNITS_AFTER))
                .body("rollout.winnerConverted", equalTo(convertedAfter));

        JsonPath realised = trackRecord(COE, Map.of("channel", channel));
        assertEquals(List.of(key), realised.getList("decisions.id"));
        double rate = (double) convertedAfter / UNITS_AFTER;
        assertEquals(rate, realised.getDouble("decisions[0].realised"), 1e-12);
        assertNotNull(realised.get("decisions[0].realisedAt"));
        assertEquals(List.of(channel), realised.getList("decisions[0].channels"));
        assertEquals("WINNER_CONVERSION_RATE", realised.getString("decisions[0].kind"));
        double[] interval = predictiveInterval(alpha, beta, UNITS_AFTER);
        assertEquals(interval[0], realised.getDouble("decisions[0].forecast.low"), 1e-12);
        assertEquals(interval[1], realised.getDouble("decisions[0].forecast.high"), 1e-12);
        boolean inside = rate >= interval[0] && rate <= interval[1];
        assertEquals(1, realised.getInt("calibration.realised"));
        assertEquals(0, realised.getInt("calibration.pending"));
        assertEquals(inside ? 1.0 : 0.0, realised.getDouble("calibration.shareInsideInterval"), 1e-12);
        assertEquals(rate - alpha / (alpha + beta), realised.getDouble("calibration.meanError"), 1e-12);
        assertTrue(realised.getString("decisions[0].what").contains("forecast uplift over the control"));

        // Another channel's team sees nothing of it, and may not ask for it.
        assertFalse(trackRecord(EMAIL, Map.of()).getList("decisions.id").contains(key));
        assertTrue(trackRecord(EMAIL, Map.of()).getList("decisions.channels").stream()
                .allMatch(channels -> channels.equals(List.of("email"))));
        given().auth().oauth2(EMAIL).queryParam("channel", channel).get(PATH).then().statusCode(403);
    }

    /**
     * Closed form of the beta-binomial: P(K = k) = C(n, k) B(k + α, n − k + β) / B(α, β), with the 5 % and 95 %
     * quantiles as the smallest k whose cumulative probability reaches them, divided by n.
     */
    static double[] predictiveInterval(double alpha, double beta, int n) {
        double logNorm = LogBeta.value(alpha, beta);
        double cumulative = 0;
        Integer low = null;
        Integer high = null;
        for (int k = 0; k <= n && high == null; k++) {
            double logChoose = LogGamma.value(n + 1.0) - LogGamma.value(k + 1.0) - LogGamma.value(n - k + 1.0);
            cumulative += Math.exp(logChoose + LogBeta.value(k + alpha, n - k + beta) - logNorm);
            if (low == null && cumulative >= 0.05 - 1e-12) {
                low = k;
            }
            if (cumulative >= 0.95 - 1e-12) {
                high = k;
            }
        }
        return new double[] {(double) low / n, (double) high / n};
    }

    @Test
    void anExperimentConcludedWithoutAWinnerStillTakesNoTraffic() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String key = "trk-none-" + suffix;
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("key", key, "name", "No winner " + suffix, "channel", "email"))
                .post("/experiments").then().statusCode(201);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("key", "a"), Map.of("key", "b"))))
                .put("/experiments/" + key + "/variants").then().statusCode(200);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("status", "RUNNING"))
                .post("/experiments/" + key + "/status").then().statusCode(200);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("status", "CONCLUDED"))
                .post("/experiments/" + key + "/status").then().statusCode(200);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("unitId", "u1"))
                .post("/experiments/" + key + "/assignments").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("exposures", List.of(Map.of("unitId", "u1", "variant", "a"))))
                .post("/experiments/" + key + "/exposures").then().statusCode(409)
                .contentType("application/problem+json");
        assertFalse(trackRecord(EMAIL, Map.of()).getList("decisions.id").contains(key));
    }

    @Test
    void badQueryParametersAreRefusedNamingTheParameter() {
        given().auth().oauth2(COE).queryParam("from", "yesterday").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("from"));
        given().auth().oauth2(COE).queryParam("from", "2026-11-02").queryParam("to", "2026-11-01").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("to"));
        given().auth().oauth2(COE).queryParam("channel", "Not A Channel").get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("channel")));
    }

    @Test
    void anExperimentCannotTakeTheTrackRecordsPathAsItsKey() {
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("key", "track-record", "name", "n", "channel", "email"))
                .post("/experiments").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("key"));
    }
}
