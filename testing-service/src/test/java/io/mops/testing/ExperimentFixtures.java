package io.mops.testing;

import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Experiments set up through the API, as a channel team would. */
public final class ExperimentFixtures {

    private ExperimentFixtures() {
    }

    /** Creates a draft with a fresh key and returns the key. */
    public static String draft(String token, String channel, Map<String, Object> extra) {
        String key = "exp-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("key", key, "name", "Experiment " + key, "channel", channel));
        body.putAll(extra);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/experiments")
                .then().statusCode(201);
        return key;
    }

    public static void planVariants(String token, String key, Object plan) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(plan).put("/experiments/" + key + "/variants")
                .then().statusCode(200);
    }

    public static void start(String token, String key) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "RUNNING"))
                .post("/experiments/" + key + "/status").then().statusCode(200);
    }
}
