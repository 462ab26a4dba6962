package io.mops.testing.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mops.common.events.Topics;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.mops.testsupport.TopicTap;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mops.testing.ExperimentFixtures.draft;
import static io.mops.testing.ExperimentFixtures.planVariants;
import static io.mops.testing.ExperimentFixtures.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(MopsInfra.class)
class ExperimentResultsTest {

    static final String EMAIL = Tokens.serviceAccount("channel-email");
    /** Statistics are doubles; read them as doubles rather than rest-assured's default floats. */
    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    final ObjectMapper json = new ObjectMapper();

    private static String runningExperiment(List<String> variants, Map<String, Object> extra) {
        String key = draft(EMAIL, "email", extra);
        planVariants(EMAIL, key, Map.of("variants", variants.stream().map(v -> Map.of("key", v)).toList()));
        start(EMAIL, key);
        return key;
    }

    /** Exposes {@code exposed} units to the variant and converts the first {@code converted} of them. */
    private static void collect(String key, String variant, int exposed, int converted) {
        collect(key, new Tally(variant, exposed, converted));
    }

    private record Tally(String variant, int exposed, int converted) {
    }

    /** The exposures of every tally in one request, then their conversions in one more. */
    private static void collect(String key, Tally... tallies) {
        collect(key, "unit", tallies);
    }

    /** The same with unit ids {@code <variant>-<batch>-<i>}, so that a test can add more units later. */
    private static void collect(String key, String batch, Tally... tallies) {
        List<Map<String, String>> exposures = new ArrayList<>();
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (Tally tally : tallies) {
            for (int i = 0; i < tally.exposed(); i++) {
                String unit = tally.variant() + "-" + batch + "-" + i;
                exposures.add(Map.of("unitId", unit, "variant", tally.variant()));
                if (i < tally.converted()) {
                    outcomes.add(Map.of("unitId", unit));
                }
            }
        }
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("exposures", exposures))
                .post("/experiments/" + key + "/exposures").then().statusCode(200)
                .body("recorded", equalTo(exposures.size()));
        if (!outcomes.isEmpty()) {
            given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("outcomes", outcomes))
                    .post("/experiments/" + key + "/outcomes").then().statusCode(200);
        }
    }

    @Test
    void aUnitKeepsItsVariantAcrossCallsAndTheBulkEndpointAgrees() {
        String key = runningExperiment(List.of("a", "b", "c"), Map.of());
        String first = given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("unitId", "user-42"))
                .post("/experiments/" + key + "/assignments")
                .then().statusCode(200).body("variant", isOneOf("a", "b", "c")).extract().path("variant");
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("unitId", "user-42"))
                .post("/experiments/" + key + "/assignments").then().body("variant", equalTo(first));
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("unitIds", List.of("user-41", "user-42", "user-43")))
                .post("/experiments/" + key + "/assignments/bulk")
                .then().statusCode(200)
                .body("assignments", hasSize(3))
                .body("assignments[1].variant", equalTo(first))
                .body("assignments.variant", everyItem(isOneOf("a", "b", "c")));
    }

    @Test
    void aDraftAssignsNobody() {
        String key = draft(EMAIL, "email", Map.<String, Object>of());
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("unitId", "user-1"))
                .post("/experiments/" + key + "/assignments").then().statusCode(409);
    }

    @Test
    void outcomesForAnUnknownExperimentAreA404Problem() {
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("outcomes", List.of(Map.of("unitId", "u1"))))
                .post("/experiments/no-such-experiment/outcomes")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anOutcomeForAUnitNeverExposedIsRefusedAndNothingIsCounted() {
        String key = runningExperiment(List.of("a", "b"), Map.of());
        collect(key, "a", 3, 0);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("outcomes", List.of(Map.of("unitId", "a-unit-0"), Map.of("unitId", "stranger"))))
                .post("/experiments/" + key + "/outcomes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("outcomes[1].unitId"));
        given().auth().oauth2(EMAIL).get("/experiments/" + key + "/results")
                .then().statusCode(200).body("readout.variants[0].conversions", equalTo(0));
    }

    @Test
    void anExposureToAnUnknownVariantIsRefusedNamingTheRow() {
        String key = runningExperiment(List.of("a", "b"), Map.of());
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("exposures", List.of(Map.of("unitId", "u1", "variant", "a"),
                        Map.of("unitId", "u2", "variant", "zz"))))
                .post("/experiments/" + key + "/exposures")
                .then().statusCode(400).body("violations[0].field", equalTo("exposures[1].variant"));
    }

    @Test
    void aValueOnABinaryMetricIsTheWrongType() {
        String key = runningExperiment(List.of("a", "b"), Map.of());
        collect(key, "a", 1, 0);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("outcomes", List.of(Map.of("unitId", "a-unit-0", "value", 12.5))))
                .post("/experiments/" + key + "/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("outcomes[0].value"));
    }

    @Test
    void aUnitExposedTwiceCountsOnce() {
        String key = runningExperiment(List.of("a", "b"), Map.of());
        collect(key, "a", 2, 0);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("exposures", List.of(Map.of("unitId", "a-unit-0", "variant", "b"))))
                .post("/experiments/" + key + "/exposures")
                .then().statusCode(200).body("recorded", equalTo(0)).body("alreadyExposed", equalTo(1));
    }

    @Test
    void resultsCarryBayesianFrequentistSequentialAndSampleRatioFigures() {
        String key = runningExperiment(List.of("control", "bold"), Map.of());
        collect(key, "control", 400, 40);
        collect(key, "bold", 400, 60);
        given().config(DOUBLES).auth().oauth2(EMAIL).get("/experiments/" + key + "/results")
                .then().statusCode(200)
                .body("readout.controlVariant", equalTo("control"))
                .body("readout.variants[0].mean", closeTo(0.10, 1e-9))
                .body("readout.variants[1].conversions", equalTo(60))
                .body("readout.variants[1].bayesian.chanceToBeatControl", closeTo(0.9836, 0.002))
                .body("readout.variants[1].bayesian.uplift.estimate", notNullValue())
                // Beta(41, 361) and Beta(61, 341): scipy's beta.ppf at 0.025 and 0.975
                .body("readout.variants[0].bayesian.interval.low", closeTo(0.07437614, 1e-7))
                .body("readout.variants[0].bayesian.interval.high", closeTo(0.13335078, 1e-7))
                .body("readout.variants[1].bayesian.interval.low", closeTo(0.11840082, 1e-7))
                .body("readout.variants[1].bayesian.interval.high", closeTo(0.18836212, 1e-7))
                .body("readout.variants[1].bayesian.interval.level", closeTo(0.95, 1e-12))
                .body("readout.variants[1].againstControl.difference", closeTo(0.05, 1e-9))
                .body("readout.variants[1].againstControl.degreesOfFreedom", nullValue())
                .body("readout.variants[1].holmPValue", notNullValue())
                .body("readout.variants[1].alwaysValidPValue", notNullValue())
                .body("readout.variants[0].againstControl", nullValue())
                .body("readout.sampleRatio.mismatch", equalTo(false))
                .body("readout.recommendation.inBurnIn", equalTo(false));
    }

    @Test
    void aLopsidedSplitIsFlaggedAsSampleRatioMismatch() {
        String key = runningExperiment(List.of("a", "b"), Map.of());
        collect(key, "a", 600, 0);
        collect(key, "b", 300, 0);
        given().auth().oauth2(EMAIL).get("/experiments/" + key + "/results")
                .then().statusCode(200).body("readout.sampleRatio.mismatch", equalTo(true));
    }

    @Test
    void aSampleRatioMismatchPausesTheExperimentInsteadOfReweighting() {
        String key = runningExperiment(List.of("a", "b"), Map.of());
        collect(key, "a", 600, 30);
        collect(key, "b", 300, 15);
        given().auth().oauth2(EMAIL).post("/experiments/" + key + "/reallocations")
                .then().statusCode(200)
                .body("applied", equalTo(false))
                .body("pausedBecause", containsString("sample ratio mismatch"));
        given().auth().oauth2(EMAIL).get("/experiments/" + key)
                .then().statusCode(200)
                .body("experiment.status", equalTo("PAUSED"))
                .body("experiment.allocationVersion", equalTo(0))
                .body("history[1].reason", containsString("sample ratio mismatch"));
    }

    @Test
    void continuousMetricsAreComparedByWelchsTest() {
        String key = runningExperiment(List.of("control", "upsell"), Map.of("metric", "revenue",
                "metricKind", "CONTINUOUS"));
        for (String variant : List.of("control", "upsell")) {
            List<Map<String, String>> exposures = new ArrayList<>();
            List<Map<String, Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                exposures.add(Map.of("unitId", variant + i, "variant", variant));
                outcomes.add(Map.of("unitId", variant + i, "value", (variant.equals("upsell") ? 12 : 10) + i % 5));
            }
            given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("exposures", exposures))
                    .post("/experiments/" + key + "/exposures").then().statusCode(200);
            given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("outcomes", outcomes))
                    .post("/experiments/" + key + "/outcomes").then().statusCode(200);
        }
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("outcomes", List.of(Map.of("unitId", "control0"))))
                .post("/experiments/" + key + "/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("outcomes[0].value"));
        given().config(DOUBLES).auth().oauth2(EMAIL).get("/experiments/" + key + "/results")
                .then().statusCode(200)
                .body("readout.metricKind", equalTo("CONTINUOUS"))
                .body("readout.variants[0].mean", closeTo(12.0, 1e-9))
                .body("readout.variants[1].againstControl.difference", closeTo(2.0, 1e-9))
                .body("readout.variants[1].againstControl.degreesOfFreedom", closeTo(98.0, 1e-6))
                .body("readout.variants[1].conversions", nullValue());
    }

    @Test
    void anotherChannelCannotReadTheResults() {
        String key = runningExperiment(List.of("a", "b"), Map.of());
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/experiments/" + key + "/results")
                .then().statusCode(403);
    }

    /**
     * 30 %, 70 % and 5 % of 100 each. Against "strong", at level 0.01 / 2, the always-valid p-values of "at least as
     * good" are 0.0023 for the control and 2.6e-11 for "weak" (numpy, from the mixture of SuperiorityTest): weak is
     * eliminated, and strong is proven better than both live variants, so it wins.
     */
    @Test
    void reallocationEliminatesTheLoserDeclaresTheWinnerAndAnnouncesBoth() throws Exception {
        String key = runningExperiment(List.of("control", "strong", "weak"), Map.of());
        collect(key, "control", 100, 30);
        collect(key, "strong", 100, 70);
        collect(key, "weak", 100, 5);
        try (TopicTap tap = TopicTap.open(Topics.TESTING_EVENTS)) {
            given().auth().oauth2(EMAIL).post("/experiments/" + key + "/reallocations")
                    .then().statusCode(200)
                    .body("applied", equalTo(true))
                    .body("allocationVersion", equalTo(1))
                    .body("decision.eliminated.weak", notNullValue())
                    .body("decision.winner", equalTo("strong"))
                    .body("decision.leaderEvidence.leader", equalTo("strong"))
                    .body("decision.leaderEvidence.proven", equalTo(true))
                    .body("decision.weights.weak", equalTo(0.0f));

            String subject = "experiment:" + key;
            JsonNode allocation = event(tap, subject, "AllocationChanged");
            assertEquals(1, allocation.at("/data/allocationVersion").asInt());
            assertEquals("email", allocation.at("/data/channel").asText());
            assertEquals("weak", event(tap, subject, "VariantEliminated").at("/data/variantKey").asText());
            JsonNode winner = event(tap, subject, "WinnerDeclared");
            assertEquals("strong", winner.at("/data/variantKey").asText());
            assertEquals("conversion", winner.at("/data/metric").asText());
        }
        given().auth().oauth2(EMAIL).get("/experiments/" + key)
                .then().statusCode(200)
                .body("experiment.status", equalTo("CONCLUDED"))
                .body("experiment.winner", equalTo("strong"))
                .body("variants[2].live", equalTo(false))
                .body("variants[2].eliminatedReason", containsString("strong does better in every allocation period"))
                .body("history[1].reason", containsString("winner strong: better than every live variant"));
    }

    @Test
    void aVariantBreachingAGuardrailIsPausedWithTheReasonAndAnnounced() throws Exception {
        String key = runningExperiment(List.of("control", "spammy", "gentle"),
                Map.of("guardrails", List.of("unsubscribe")));
        collect(key, "control", 400, 40);
        collect(key, "spammy", 400, 44);
        collect(key, "gentle", 400, 42);
        List<Map<String, Object>> unsubscribes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            unsubscribes.add(Map.of("unitId", "spammy-unit-" + (399 - i), "metric", "unsubscribe"));
        }
        for (int i = 0; i < 4; i++) {
            unsubscribes.add(Map.of("unitId", "control-unit-" + (399 - i), "metric", "unsubscribe"));
            unsubscribes.add(Map.of("unitId", "gentle-unit-" + (399 - i), "metric", "unsubscribe"));
        }
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON).body(Map.of("outcomes", unsubscribes))
                .post("/experiments/" + key + "/outcomes").then().statusCode(200);
        given().config(DOUBLES).auth().oauth2(EMAIL).get("/experiments/" + key + "/results")
                .then().statusCode(200)
                .body("readout.variants[1].conversions", equalTo(44))
                .body("readout.guardrails[0].metric", equalTo("unsubscribe"))
                .body("readout.guardrails[0].variantKey", equalTo("spammy"))
                .body("readout.guardrails[0].rate", closeTo(0.25, 1e-9))
                .body("readout.guardrails[0].breached", equalTo(true))
                .body("readout.guardrails[1].breached", equalTo(false));

        try (TopicTap tap = TopicTap.open(Topics.TESTING_EVENTS)) {
            given().auth().oauth2(EMAIL).post("/experiments/" + key + "/reallocations")
                    .then().statusCode(200).body("applied", equalTo(true))
                    .body("decision.weights.spammy", equalTo(0.0f));
            JsonNode paused = event(tap, "experiment:" + key, "VariantEliminated");
            assertEquals("spammy", paused.at("/data/variantKey").asText());
            assertTrue(paused.at("/data/reason").asText().startsWith("guardrail unsubscribe breached"));
        }
        given().auth().oauth2(EMAIL).get("/experiments/" + key)
                .then().body("variants[1].live", equalTo(false))
                .body("variants[1].eliminatedReason", containsString("guardrail unsubscribe"))
                .body("experiment.guardrails", equalTo(List.of("unsubscribe")));
    }

    @Test
    void anOutcomeForAMetricTheExperimentDoesNotMeasureIsRefused() {
        String key = runningExperiment(List.of("a", "b"), Map.of("guardrails", List.of("unsubscribe")));
        collect(key, "a", 1, 0);
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("outcomes", List.of(Map.of("unitId", "a-unit-0", "metric", "complaint"))))
                .post("/experiments/" + key + "/outcomes")
                .then().statusCode(400).body("violations[0].field", equalTo("outcomes[0].metric"));
    }

    @Test
    void anExperimentWithACadenceIsReweighedByTheServiceItself() throws InterruptedException {
        String key = runningExperiment(List.of("a", "b"), Map.of("reweighEvery", "PT1S"));
        // Both variants in one request: a scheduler tick between two requests would see 100 exposures against 0,
        // a sample ratio mismatch that rightly pauses the experiment instead of re-weighting it.
        collect(key, new Tally("a", 100, 10), new Tally("b", 100, 12));
        int version = 0;
        for (int attempt = 0; attempt < 60 && version == 0; attempt++) {
            Thread.sleep(500);
            version = given().auth().oauth2(EMAIL).get("/experiments/" + key)
                    .then().statusCode(200).extract().path("experiment.allocationVersion");
        }
        assertTrue(version >= 1, "the scheduler never re-weighted the experiment");
        given().auth().oauth2(EMAIL).get("/experiments/" + key)
                .then().body("experiment.lastReweighedAt", notNullValue())
                .body("experiment.reweighEverySeconds", equalTo(1))
                .body("experiment.status", equalTo("RUNNING"));
        // A running experiment with a one-second cadence would be re-weighted every second of every later test run
        // on this database: conclude it.
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("status", "CONCLUDED", "reason", "test over"))
                .post("/experiments/" + key + "/status").then().statusCode(200);
    }

    /**
     * The variant leads at the first read; then both convert alike and the p-value of the current look rises again.
     * The one served must not: it is the running minimum, kept in the database between reads. The mixing scale was
     * fixed from the stated baseline and effect (0.10 x 0.2 = 0.02) when the experiment started and moves with no
     * data.
     */
    @Test
    void theAlwaysValidPValueNeverRisesBetweenReadsAndItsMixingScaleIsFixedAtTheStart() {
        String key = runningExperiment(List.of("control", "bold"), Map.of("baseline", 0.10,
                "minimumDetectableEffect", 0.2));
        given().config(DOUBLES).auth().oauth2(EMAIL).get("/experiments/" + key)
                .then().statusCode(200)
                .body("experiment.baseline", closeTo(0.10, 1e-12))
                .body("experiment.sequentialMixingScale", closeTo(0.02, 1e-12))
                .body("experiment.sequentialStandardised", equalTo(false));
        collect(key, "first", new Tally("control", 400, 40), new Tally("bold", 400, 70));
        double first = given().config(DOUBLES).auth().oauth2(EMAIL).get("/experiments/" + key + "/results")
                .then().statusCode(200)
                .body("readout.sequentialTest.mixingScale", closeTo(0.02, 1e-12))
                .extract().jsonPath().getDouble("readout.variants[1].alwaysValidPValue");
        assertTrue(first < 0.5, "the lucky start should show some evidence, p = " + first);

        // At most 1,000 exposures per request.
        collect(key, "second", new Tally("control", 800, 80), new Tally("bold", 200, 15));
        collect(key, "third", new Tally("control", 800, 80), new Tally("bold", 200, 15));
        collect(key, "fourth", new Tally("bold", 600, 50));
        collect(key, "fifth", new Tally("bold", 600, 50));
        given().config(DOUBLES).auth().oauth2(EMAIL).get("/experiments/" + key + "/results")
                .then().statusCode(200)
                .body("readout.variants[0].conversions", equalTo(200))
                .body("readout.variants[1].conversions", equalTo(200))
                .body("readout.variants[1].alwaysValidPValue", closeTo(first, 1e-12))
                .body("readout.sequentialTest.mixingScale", closeTo(0.02, 1e-12));
    }

    @Test
    void aConversionRateBaselineOfOneOrMoreIsRefused() {
        given().auth().oauth2(EMAIL).contentType(ContentType.JSON)
                .body(Map.of("key", "exp-baseline-" + java.util.UUID.randomUUID().toString().substring(0, 6),
                        "name", "n", "channel", "email", "baseline", 1.5))
                .post("/experiments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("baseline"));
    }

    /**
     * After a re-weighting the results list both allocation periods with their start and their weight (their share
     * of all exposures), and estimate every variant over them. Bold gets three quarters of the second period, in
     * which everybody converts at 30 %: pooled, it looks 6 points better than the control; weighted by period, it
     * is 1 point better, as it was in the first period and equal in the second.
     */
    @Test
    void resultsAreWeightedByAllocationPeriod() {
        String key = runningExperiment(List.of("control", "bold"), Map.of());
        collect(key, "first", new Tally("control", 100, 10), new Tally("bold", 100, 12));
        given().auth().oauth2(EMAIL).post("/experiments/" + key + "/reallocations")
                .then().statusCode(200).body("applied", equalTo(true)).body("allocationVersion", equalTo(1));
        collect(key, "second", new Tally("control", 50, 15), new Tally("bold", 150, 45));
        given().config(DOUBLES).auth().oauth2(EMAIL).get("/experiments/" + key + "/results")
                .then().statusCode(200)
                .body("periods", hasSize(2))
                .body("periods[0].allocationVersion", equalTo(0))
                .body("periods[0].startedAt", notNullValue())
                .body("periods[1].allocationVersion", equalTo(1))
                .body("periods[1].startedAt", notNullValue())
                .body("periods[1].exposures", equalTo(200))
                .body("periods[1].weight", closeTo(0.5, 1e-12))
                .body("readout.periodWeights", hasSize(2))
                // control: 0.5 x 10 % + 0.5 x 30 % = 20 %; bold: 0.5 x 12 % + 0.5 x 30 % = 21 %
                .body("readout.variants[0].mean", closeTo(0.20, 1e-12))
                .body("readout.variants[1].mean", closeTo(0.21, 1e-12))
                .body("readout.variants[0].pooledMean", closeTo(25.0 / 150, 1e-12))
                .body("readout.variants[1].pooledMean", closeTo(57.0 / 250, 1e-12))
                .body("readout.variants[1].againstControl.difference", closeTo(0.01, 1e-12));
    }

    /**
     * The traffic history lists each period's planned split and the units each variant received in it: an even
     * split first, then bold with three quarters of the second period's units; reading it is not a look.
     */
    @Test
    void trafficHistoryListsEachPeriodsPlannedSplitAndTheUnitsEachVariantReceived() {
        String key = runningExperiment(List.of("control", "bold"), Map.of());
        collect(key, "first", new Tally("control", 100, 10), new Tally("bold", 100, 12));
        given().auth().oauth2(EMAIL).post("/experiments/" + key + "/reallocations")
                .then().statusCode(200).body("applied", equalTo(true));
        collect(key, "second", new Tally("control", 50, 15), new Tally("bold", 150, 45));
        given().config(DOUBLES).auth().oauth2(EMAIL).get("/experiments/" + key + "/allocations")
                .then().statusCode(200)
                .body("experiment", equalTo(key))
                .body("variants", equalTo(List.of("control", "bold")))
                .body("periods", hasSize(2))
                .body("periods[0].allocationVersion", equalTo(0))
                .body("periods[0].startedAt", notNullValue())
                .body("periods[0].plannedShares.control", closeTo(0.5, 1e-12))
                .body("periods[0].plannedShares.bold", closeTo(0.5, 1e-12))
                .body("periods[0].exposures.control", equalTo(100))
                .body("periods[0].exposureShares.bold", closeTo(0.5, 1e-12))
                .body("periods[1].allocationVersion", equalTo(1))
                .body("periods[1].startedBy", notNullValue())
                .body("periods[1].totalExposures", equalTo(200))
                .body("periods[1].exposures.bold", equalTo(150))
                .body("periods[1].exposureShares.control", closeTo(0.25, 1e-12))
                .body("periods[1].exposureShares.bold", closeTo(0.75, 1e-12))
                .body("periods[1].plannedShares.control", notNullValue());
        given().auth().oauth2(Tokens.serviceAccount("channel-search")).get("/experiments/" + key + "/allocations")
                .then().statusCode(403);
        given().auth().oauth2(EMAIL).get("/experiments/no-such-experiment/allocations")
                .then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/experiments/{key}/allocations"));
    }

    private JsonNode event(TopicTap tap, String subject, String type) throws Exception {
        ConsumerRecord<String, String> record = tap.await(
                r -> subject.equals(r.key()) && r.value().contains("\"" + type + "\""), Duration.ofSeconds(30));
        JsonNode envelope = json.readTree(record.value());
        assertEquals(type, envelope.get("type").asText());
        assertEquals("testing-service", envelope.get("source").asText());
        return envelope;
    }
}
