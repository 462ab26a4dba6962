package io.mops.qa.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mops.testsupport.MopsInfra;
import io.mops.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.mops.qa.SampleSubmissions.sample;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The AI review through the API, against {@link OpenAiStub} serving recorded answers through the real
 * quarkus-langchain4j OpenAI client. The good email sample passes every rule, so whatever the verdict becomes is the
 * AI review's doing.
 */
@QuarkusTest
@WithTestResource(MopsInfra.class)
@WithTestResource(OpenAiStub.class)
class AiReviewApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AI = "findings.findAll { it.ruleId == 'ai.review' }";
    private static String ruleSet;

    /**
     * A rule set of the test's own from the bundled default, published once: ai.review is on whatever mops-default
     * the test database was seeded with.
     */
    private static synchronized String ruleSet() {
        if (ruleSet == null) {
            String name = "ai-test-" + UUID.randomUUID().toString().substring(0, 8);
            try (var in = AiReviewApiTest.class.getClassLoader().getResourceAsStream("rules/mops-default.json")) {
                ObjectNode document = (ObjectNode) JSON.readTree(in);
                document.put("name", name);
                given().auth().oauth2(Tokens.user("carol")).contentType(ContentType.JSON).body(document.toString())
                        .post("/qa/rule-sets").then().statusCode(201);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ruleSet = name;
        }
        return ruleSet;
    }

    private static ObjectNode emailWithCopyMarker(String scenario, String id) {
        ObjectNode campaign = sample("good-email-black-friday-us");
        ObjectNode email = (ObjectNode) campaign.get("creatives").get("email");
        email.put("preheader", email.get("preheader").asText() + " stub:" + scenario + ":" + id);
        return campaign;
    }

    private static ValidatableResponse check(ObjectNode campaign) {
        return given().auth().oauth2(Tokens.serviceAccount("channel-email")).contentType(ContentType.JSON)
                .queryParam("ruleSet", ruleSet()).body(campaign).post("/qa/runs").then().statusCode(201);
    }

    private static int modelCalls(String id) {
        String baseUrl = ConfigProvider.getConfig().getValue("mops.qa.ai-review.base-url", String.class);
        return Integer.parseInt(given().get(baseUrl.replaceFirst("/v1$", "") + "/calls/" + id).asString());
    }

    @Test
    void theModelsConcernsBecomeAdvisoryFindingsThatNameTheModel() {
        String id = UUID.randomUUID().toString();
        check(emailWithCopyMarker("concerns", id))
                .body("verdict", equalTo("needs-approval"))
                .body(AI, hasSize(2))
                // The recorded answer calls the currency a block; an advisory review holds a launch no harder than warn.
                .body(AI + ".severity", everyItem(equalTo("warn")))
                .body(AI + ".message", everyItem(containsString("AI review by " + OpenAiStub.MODEL)))
                .body(AI + ".find { it.message.contains('unsupported-claim') }.fixHint",
                        containsString("insulation rating"))
                .body(AI + ".ruleSet", everyItem(equalTo(ruleSet())));
        assertEquals(1, modelCalls(id));
    }

    @Test
    void copyWithoutConcernsSaysItWasReviewedAndPasses() {
        check(sample("good-email-black-friday-us"))
                .body("verdict", equalTo("pass"))
                .body(AI + ".severity", equalTo(List.of("info")))
                .body(AI + "[0].message", containsString("AI review by " + OpenAiStub.MODEL + ": no concerns"));
    }

    @Test
    void aMalformedAnswerIsAskedForAgain() {
        String id = UUID.randomUUID().toString();
        check(emailWithCopyMarker("malformed-once", id))
                .body("verdict", equalTo("needs-approval"))
                .body(AI, hasSize(2));
        assertEquals(2, modelCalls(id));
    }

    @Test
    void anAnswerThatStaysMalformedIsReportedAndTheVerdictStillGiven() {
        String id = UUID.randomUUID().toString();
        check(emailWithCopyMarker("malformed-always", id))
                .body("verdict", equalTo("pass"))
                .body(AI + ".severity", equalTo(List.of("info")))
                .body(AI + "[0].message", containsString("AI review by " + OpenAiStub.MODEL + " failed after 3 attempts"));
        assertEquals(3, modelCalls(id));
    }

    @Test
    void anAnswerThatParsesButBreaksTheReviewsRulesIsRetriedAndReported() {
        String id = UUID.randomUUID().toString();
        check(emailWithCopyMarker("invalid-always", id))
                .body("verdict", equalTo("pass"))
                .body(AI + "[0].severity", equalTo("info"))
                .body(AI + "[0].message", containsString("findings[0].concern must be tone, cultural, regional or "
                        + "unsupported-claim"));
        assertEquals(3, modelCalls(id));
    }

    @Test
    void anEndpointThatIsDownIsReportedAndTheVerdictStillGiven() {
        String id = UUID.randomUUID().toString();
        check(emailWithCopyMarker("down", id))
                .body("verdict", equalTo("pass"))
                .body(AI + ".severity", equalTo(List.of("info")))
                .body(AI + "[0].message", containsString("failed after 3 attempts"));
        assertEquals(3, modelCalls(id));
    }

    @Test
    void aModelServerThatHangsUpIsReportedAndTheVerdictStillGiven() {
        String id = UUID.randomUUID().toString();
        check(emailWithCopyMarker("hang-up", id))
                .body("verdict", equalTo("pass"))
                .body(AI + ".severity", equalTo(List.of("info")))
                .body(AI + "[0].message", containsString("failed after 3 attempts"));
        assertEquals(3, modelCalls(id));
    }

    @Test
    void reRunningUnchangedCopyGetsTheRememberedReviewAndTheSameVerdict() {
        String id = UUID.randomUUID().toString();
        ObjectNode campaign = emailWithCopyMarker("concerns", id);
        List<String> first = check(campaign).body("verdict", equalTo("needs-approval"))
                .extract().path(AI + ".message");
        List<String> second = check(campaign).body("verdict", equalTo("needs-approval"))
                .extract().path(AI + ".message");
        assertEquals(first, second);
        assertEquals(1, modelCalls(id));
    }

    @Test
    void aFailedReviewIsNotRememberedSoTheNextRunAsksAgain() {
        String id = UUID.randomUUID().toString();
        ObjectNode campaign = emailWithCopyMarker("down", id);
        check(campaign);
        check(campaign);
        assertEquals(6, modelCalls(id));
    }
}
