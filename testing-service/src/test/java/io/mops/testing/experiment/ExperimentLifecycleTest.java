package io.mops.testing.experiment;

import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mops.testing.ExperimentFixtures.draft;
import static io.mops.testing.ExperimentFixtures.planVariants;
import static io.mops.testing.ExperimentFixtures.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ExperimentLifecycleTest {

    static final String SEARCH = Tokens.serviceAccount("channel-search");

    @Test
    void variantsListedByHandKeepTheirWeightsAndTheFirstIsTheDefaultControl() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("key", "control", "weight", 0.5),
                        Map.of("key", "bold", "weight", 0.3), Map.of("key", "emoji", "weight", 0.2))))
                .put("/experiments/" + key + "/variants")
                .then().statusCode(200)
                .body("variants", hasSize(3))
                .body("variants[1].share", equalTo(0.3f))
                .body("variants[0].control", equalTo(true))
                .body("experiment.controlVariant", equalTo("control"));
    }

    @Test
    void planningADraftAgainReplacesItsVariants() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        planVariants(SEARCH, key, Map.of("variants", List.of(Map.of("key", "a"), Map.of("key", "b"))));
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("control", "y", "variants", List.of(Map.of("key", "x"), Map.of("key", "y"),
                        Map.of("key", "z"))))
                .put("/experiments/" + key + "/variants")
                .then().statusCode(200)
                .body("variants.key", equalTo(List.of("x", "y", "z")))
                .body("variants[1].control", equalTo(true))
                .body("experiment.controlVariant", equalTo("y"));
    }

    @Test
    void aControlThatIsNotAVariantIsRefused() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("control", "nope", "variants", List.of(Map.of("key", "a"), Map.of("key", "b"))))
                .put("/experiments/" + key + "/variants")
                .then().statusCode(400).body("violations[0].field", equalTo("control"));
    }

    @Test
    void weightsThatDoNotAddUpToOneAreRefusedNamingTheField() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("key", "a", "weight", 0.5), Map.of("key", "b", "weight", 0.4))))
                .put("/experiments/" + key + "/variants")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("variants"))
                .body("violations[0].message", containsString("add up to 1"));
    }

    @Test
    void duplicateVariantKeysAreRefusedNamingTheDuplicate() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("key", "a"), Map.of("key", "b"), Map.of("key", "a"))))
                .put("/experiments/" + key + "/variants")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("variants[2].key"));
    }

    @Test
    void creativeComponentsBecomeEveryCombination() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        Map<String, Object> components = new java.util.LinkedHashMap<>();
        components.put("headline", List.of("Save 20%", "Free shipping"));
        components.put("image", List.of("hero", "lifestyle", "product"));
        components.put("cta", List.of("Shop now", "See deals"));
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON).body(Map.of("components", components))
                .put("/experiments/" + key + "/variants")
                .then().statusCode(200)
                .body("variants", hasSize(12))
                .body("variants[0].key", equalTo("save-20_hero_shop-now"))
                .body("variants[0].components.headline", equalTo("Save 20%"))
                .body("variants.key", hasItems("free-shipping_product_see-deals"));
    }

    @Test
    void tooManyCombinationsAreRefused() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        List<String> thirty = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "value " + i).toList();
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("components", Map.of("headline", thirty, "image", thirty)))
                .put("/experiments/" + key + "/variants")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("components"))
                .body("violations[0].message", containsString("900"));
    }

    @Test
    void anExperimentWithoutVariantsCannotStart() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON).body(Map.of("status", "RUNNING"))
                .post("/experiments/" + key + "/status")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theLifecycleRecordsWhoDidWhatAndWhen() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        planVariants(SEARCH, key, Map.of("variants", List.of(Map.of("key", "a"), Map.of("key", "b"))));
        start(SEARCH, key);
        given().auth().oauth2(Tokens.user("sam")).contentType(ContentType.JSON)
                .body(Map.of("status", "PAUSED", "reason", "tracking outage")).post("/experiments/" + key + "/status")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON)
                .body(Map.of("status", "CONCLUDED", "reason", "season over")).post("/experiments/" + key + "/status")
                .then().statusCode(200)
                .body("experiment.status", equalTo("CONCLUDED"))
                .body("experiment.statusChangedBy", equalTo("carol"))
                .body("history", hasSize(3))
                .body("history[0].from", equalTo("DRAFT"))
                .body("history[0].to", equalTo("RUNNING"))
                .body("history[0].by", equalTo("service-account-channel-search"))
                .body("history[1].by", equalTo("sam"))
                .body("history[1].reason", equalTo("tracking outage"))
                .body("history[2].to", equalTo("CONCLUDED"));
    }

    @Test
    void aConcludedExperimentCannotRunAgain() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        planVariants(SEARCH, key, Map.of("variants", List.of(Map.of("key", "a"), Map.of("key", "b"))));
        start(SEARCH, key);
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON).body(Map.of("status", "CONCLUDED"))
                .post("/experiments/" + key + "/status").then().statusCode(200);
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON).body(Map.of("status", "RUNNING"))
                .post("/experiments/" + key + "/status").then().statusCode(409);
    }

    @Test
    void variantsOfARunningExperimentCannotBeReplaced() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        planVariants(SEARCH, key, Map.of("variants", List.of(Map.of("key", "a"), Map.of("key", "b"))));
        start(SEARCH, key);
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("variants", List.of(Map.of("key", "c"), Map.of("key", "d"))))
                .put("/experiments/" + key + "/variants").then().statusCode(409);
    }

    @Test
    void anotherChannelCannotReadOrChangeTheExperiment() {
        String key = draft(SEARCH, "search", Map.<String, Object>of());
        String social = Tokens.serviceAccount("channel-social");
        given().auth().oauth2(social).get("/experiments/" + key).then().statusCode(403);
        given().auth().oauth2(social).contentType(ContentType.JSON).body(Map.of("status", "RUNNING"))
                .post("/experiments/" + key + "/status").then().statusCode(403);
        given().auth().oauth2(Tokens.user("carol")).get("/experiments/" + key).then().statusCode(200);
    }

    @Test
    void anUnknownExperimentIsA404Problem() {
        given().auth().oauth2(SEARCH).get("/experiments/no-such-experiment")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownMetricKindIsRefusedNamingTheField() {
        given().auth().oauth2(SEARCH).contentType(ContentType.JSON)
                .body(Map.of("key", "exp-kind-" + UUID.randomUUID().toString().substring(0, 6), "name", "n",
                        "channel", "search", "metricKind", "PERCENTAGE"))
                .post("/experiments")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("metricKind"));
    }
}
